package io.dicombq.adapter.out.sql;

import com.google.zetasql.FileDescriptorSetsBuilder;
import com.google.zetasql.Function;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleCatalogProtos.SimpleCatalogProto;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.Table;
import com.google.zetasql.TableValuedFunction;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request's layer over the shared catalog: the shared catalog's tables and built-in functions, plus the
 * temporary functions the request's script creates (BigQuery docs: a temporary function lives for its script). The
 * shared catalog stays as it is, registered with the analyzer; this layer is sent whole with each statement it
 * resolves (the analyzer rebuilds the built-ins from their options, a few milliseconds).
 */
final class RequestCatalog extends SimpleCatalog {
    private final SimpleCatalog shared;
    /** Lower-case name → the function created under it, in creation order. */
    private final Map<String, Function> temporary = new LinkedHashMap<>();

    RequestCatalog(SimpleCatalog shared) {
        super("request");
        this.shared = shared;
    }

    /** Adds a function the request created; a later statement calls it by its name. */
    void addTemporary(Function function) {
        temporary.put(function.getName().toLowerCase(Locale.ROOT), function);
    }

    /** Whether the shared catalog has a function of this name (a built-in, or one the engine declares). */
    boolean hasShared(String name) {
        return shared.getFunctionList().stream().anyMatch(function -> function.getName().equalsIgnoreCase(name));
    }

    boolean hasTemporary(String name) {
        return temporary.containsKey(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public SimpleCatalogProto serialize(FileDescriptorSetsBuilder descriptors) {
        SimpleCatalogProto.Builder builder = shared.serialize(descriptors).toBuilder();
        for (Function function : temporary.values()) {
            builder.addCustomFunction(function.serialize(descriptors));
        }
        return builder.build();
    }

    // The resolved AST names what it uses; each name is found in this layer first, then in the shared catalog.

    @Override
    public Function getFunctionByFullName(String fullName) {
        for (Function function : temporary.values()) {
            if (function.getFullName().equalsIgnoreCase(fullName)) {
                return function;
            }
        }
        return shared.getFunctionByFullName(fullName);
    }

    @Override
    public SimpleTable getTableById(long serializationId) {
        return shared.getTableById(serializationId);
    }

    @Override
    public TableValuedFunction getTVFByName(String name) {
        return shared.getTVFByName(name);
    }

    @Override
    public Table findTable(java.util.List<String> path, FindOptions options) throws com.google.zetasql.NotFoundException {
        return shared.findTable(path, options);
    }
}
