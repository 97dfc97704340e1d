package dev.takedown.audit.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The certificates a timestamp token's signer must chain to ({@code takedown.audit.tsa.trusted-certificates}): a
 * token signed by any other TSA, a self-signed one included, proves nothing about time.
 */
public record TsaTrust(List<X509Certificate> anchors) {

    static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

    public TsaTrust {
        // sorted, so the bundle's copy is the same bytes whatever order the configuration lists them in
        anchors = anchors.stream()
                .distinct()
                .sorted(Comparator.comparing(TsaTrust::fingerprint))
                .toList();
    }

    public static TsaTrust none() {
        return new TsaTrust(List.of());
    }

    /** Every certificate in the PEM files (a file may hold several). */
    public static TsaTrust load(List<Path> pems) {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path pem : pems) {
            try {
                anchors.addAll(fromPem(Files.readAllBytes(pem)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read TSA certificate " + pem, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(pem + ": " + e.getMessage(), e);
            }
        }
        return new TsaTrust(anchors);
    }

    public static List<X509Certificate> fromPem(byte[] pem) {
        try {
            Collection<? extends java.security.cert.Certificate> read =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (read.isEmpty()) {
                throw new IllegalArgumentException("no certificate in the PEM");
            }
            return read.stream().map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 certificate PEM: " + e.getMessage(), e);
        }
    }

    public boolean isEmpty() {
        return anchors.isEmpty();
    }

    /** The anchors as one PEM file, for the evidence bundle. */
    public byte[] pem() {
        StringBuilder out = new StringBuilder();
        for (X509Certificate anchor : anchors) {
            try {
                out.append(SigningKey.pem("CERTIFICATE", anchor.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The anchors' subjects and fingerprints, for reports. */
    public String names() {
        return anchors.isEmpty()
                ? "none configured"
                : anchors.stream()
                        .map(a -> a.getSubjectX500Principal().getName() + " (SHA-256 " + fingerprint(a) + ")")
                        .collect(Collectors.joining(", "));
    }

    /**
     * The subject of the anchor {@code signer} chains to (through {@code others}, the token's certificates) with
     * the timeStamping usage, every certificate valid at {@code at}; null when it chains to none.
     */
    String anchorOf(X509Certificate signer, Collection<X509Certificate> others, Date at) {
        for (X509Certificate anchor : anchors) {
            if (anchor.equals(signer)) {
                // a pinned TSA certificate: BouncyCastle has already checked its usage and validity at genTime
                return anchor.getSubjectX500Principal().getName();
            }
        }
        if (anchors.isEmpty()) {
            return null;
        }
        try {
            Set<TrustAnchor> trusted = new LinkedHashSet<>();
            anchors.forEach(a -> trusted.add(new TrustAnchor(a, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            target.setExtendedKeyUsage(Set.of(TIME_STAMPING));
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trusted, target);
            // tokens are checked offline and years later: no CRL or OCSP to ask, so validity at genTime is the test
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            List<X509Certificate> store = new ArrayList<>(others);
            store.add(signer);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            var result = (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(parameters);
            return result.getTrustAnchor()
                    .getTrustedCert()
                    .getSubjectX500Principal()
                    .getName();
        } catch (GeneralSecurityException | IOException noPath) {
            return null;
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(Sha256.digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
