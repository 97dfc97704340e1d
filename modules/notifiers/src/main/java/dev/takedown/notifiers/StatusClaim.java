package dev.takedown.notifiers;

/**
 * What a notice says about its notifier's status, and how it arrived.
 *
 * @param credential       the account or API key ({@code api-key:<prefix>}) the notice came through
 * @param declaredType     {@code notifier.type} as filed
 * @param trustedFlaggerId {@code notifier.trusted_flagger_id} as filed: claims the status; when given it must be the
 *                         id of the entry the credential is bound to
 * @param category         {@code claim.category}: the area the notice is about
 * @param rightType        {@code claim.right_type}: implies the area when no category is named
 * @param legalBasis       {@code claim.legal_basis}: the provision an authority's order is issued under
 */
public record StatusClaim(
        String credential,
        String declaredType,
        String trustedFlaggerId,
        String category,
        String rightType,
        String legalBasis) {

    public ClaimedStatus claimed() {
        if ("AUTHORITY_ORDER".equalsIgnoreCase(strip(declaredType))) {
            return ClaimedStatus.AUTHORITY_ORDER;
        }
        return "TRUSTED_FLAGGER".equalsIgnoreCase(strip(declaredType))
                        || (trustedFlaggerId != null && !trustedFlaggerId.isBlank())
                ? ClaimedStatus.TRUSTED_FLAGGER
                : ClaimedStatus.NONE;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
