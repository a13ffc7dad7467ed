package dev.hover.plugin.iam;

/**
 * The IAM documents of a stage (docs/iam.md): what each is for, and the file it is shipped as
 * ({@code docs/iam/<file>} with placeholders, {@code target/hover/<stage>/iam/<file>} rendered).
 */
public enum PolicyDocument {
    /** The permissions policy of whoever runs the goals (a developer, a CI role). */
    DEPLOYER("deployer.json"),
    /** The permissions policy of {@code auth.stack-role}, the role CloudFormation applies the stack with. */
    STACK_ROLE("stack-role.json"),
    /** Who may assume the stack role: CloudFormation. */
    STACK_ROLE_TRUST("stack-role-trust.json"),
    /** The permissions policy of {@code auth.lambda-role}, the same the stack gives the role it makes. */
    LAMBDA_ROLE("lambda-role.json"),
    /** Who may assume the Lambda role: Lambda. */
    LAMBDA_ROLE_TRUST("lambda-role-trust.json");

    private final String file;

    PolicyDocument(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }
}
