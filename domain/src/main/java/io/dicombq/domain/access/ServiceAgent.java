package io.dicombq.domain.access;

import java.util.Objects;

/**
 * The identity a project's DICOM stores act as when they export (specification 1.3), like the Healthcare API's
 * {@code service-PROJECT_NUMBER@gcp-sa-healthcare.iam.gserviceaccount.com}; dicombq names it after the project ID.
 */
public record ServiceAgent(String project) {
    public ServiceAgent {
        Objects.requireNonNull(project, "project");
    }

    public static ServiceAgent of(String project) {
        return new ServiceAgent(project);
    }

    public String email() {
        return "service-" + project + "@gcp-sa-healthcare.dicombq.iam.gserviceaccount.com";
    }

    /** As an IAM member: {@code serviceAccount:EMAIL}. */
    public String member() {
        return "serviceAccount:" + email();
    }
}
