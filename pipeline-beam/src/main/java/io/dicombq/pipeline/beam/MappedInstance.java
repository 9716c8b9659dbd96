package io.dicombq.pipeline.beam;

import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.SchemaJson;
import io.dicombq.domain.schema.TableSchema;
import org.apache.beam.sdk.coders.CustomCoder;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * One instance flattened by the domain's mapper: its row, made for its own schema (specification 3), and that schema as
 * BigQuery schema JSON (the form the schema union reads, and a cheap key for instances of the same shape).
 */
record MappedInstance(String resourceName, Row row, String schemaJson) {
    MappedInstance {
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(schemaJson, "schemaJson");
    }

    static MappedInstance of(String resourceName, Row row, TableSchema schema) {
        return new MappedInstance(resourceName, row, SchemaJson.write(schema));
    }

    /** Rows cross workers in {@link RowBinary}, schemas as their JSON text. */
    static final class Coder extends CustomCoder<MappedInstance> {
        private static final long serialVersionUID = 1L;

        @Override
        public void encode(MappedInstance value, OutputStream outStream) throws IOException {
            DataOutputStream out = new DataOutputStream(outStream);
            out.writeUTF(value.resourceName());
            byte[] schema = value.schemaJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(schema.length);
            out.write(schema);
            RowBinary.write(value.row(), out);
            out.flush();
        }

        @Override
        public MappedInstance decode(InputStream inStream) throws IOException {
            DataInputStream in = new DataInputStream(inStream);
            String resourceName = in.readUTF();
            byte[] schema = new byte[in.readInt()];
            in.readFully(schema);
            Row row = RowBinary.read(in);
            return new MappedInstance(resourceName, row, new String(schema, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
