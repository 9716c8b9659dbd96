package io.dicombq.domain.access;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.Objects;

/** One IAM binding on a BigQuery dataset: {@code member} holds {@code role} on {@code project.dataset}. */
public record DatasetGrant(String project, String dataset, String member, DatasetRole role) {
    public DatasetGrant {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(role, "role");
        requireMember(member);
    }

    /** IAM member syntax {@code TYPE:EMAIL}; dicombq only has service accounts and users. */
    static void requireMember(String member) {
        if (member == null || !member.matches("(serviceAccount|user):[^@\\s:]+@[^@\\s:]+")) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Member '" + member + "' is not valid; use"
                    + " serviceAccount:NAME@DOMAIN or user:NAME@DOMAIN, e.g. " + ServiceAgent.of("my-project").member());
        }
    }
}
