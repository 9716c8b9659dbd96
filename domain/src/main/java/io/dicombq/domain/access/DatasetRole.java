package io.dicombq.domain.access;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

/** The BigQuery dataset roles dicombq's embedded warehouse understands, and whether each lets an export write. */
public enum DatasetRole {
    DATA_VIEWER("roles/bigquery.dataViewer", false),
    DATA_EDITOR("roles/bigquery.dataEditor", true),
    DATA_OWNER("roles/bigquery.dataOwner", true),
    ADMIN("roles/bigquery.admin", true);

    private final String iamName;
    private final boolean writesTables;

    DatasetRole(String iamName, boolean writesTables) {
        this.iamName = iamName;
        this.writesTables = writesTables;
    }

    public String iamName() {
        return iamName;
    }

    /** Whether a member with this role may create and write the dataset's tables (what an export needs, specification 1.3). */
    public boolean writesTables() {
        return writesTables;
    }

    /** Reads an IAM role name such as {@code roles/bigquery.dataEditor}. */
    public static DatasetRole parse(String iamName) {
        for (DatasetRole role : values()) {
            if (role.iamName.equals(iamName)) {
                return role;
            }
        }
        StringBuilder known = new StringBuilder();
        for (DatasetRole role : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(role.iamName);
        }
        throw new DicombqException(Code.INVALID_ARGUMENT, "Role '" + iamName + "' is not supported on a dataset; use one of " + known);
    }
}
