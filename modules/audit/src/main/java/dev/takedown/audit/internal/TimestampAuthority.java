package dev.takedown.audit.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/** An RFC 3161 time-stamping authority reached over HTTP, and the checks a verifier applies to its tokens. */
public final class TimestampAuthority {

    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final TsaTrust trust;

    /** @param trust what the TSA's certificate must chain to; a token that does not is refused, never stored */
    public TimestampAuthority(URI url, Duration timeout, TsaTrust trust) {
        this.url = url;
        this.timeout = timeout;
        this.trust = trust;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A token over SHA-256(statement), DER-encoded; throws when the TSA cannot be reached or answers badly. */
    public byte[] stamp(byte[] statement) throws IOException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        // the TSA's certificate travels in the token, so a bundle can be checked without fetching it
        generator.setCertReq(true);
        TimeStampRequest request =
                generator.generate(TSPAlgorithms.SHA256, Sha256.digest(statement), new BigInteger(64, NONCES));
        HttpResponse<byte[]> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(timeout)
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the TSA", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("TSA " + url + " answered HTTP " + response.statusCode());
        }
        try {
            TimeStampResponse answer = new TimeStampResponse(response.body());
            answer.validate(request);
            if (answer.getTimeStampToken() == null) {
                throw new IOException("TSA " + url + " granted no token: " + answer.getStatusString());
            }
            byte[] token = answer.getTimeStampToken().getEncoded();
            Optional<String> problem = check(token, statement, trust).problem();
            if (problem.isPresent()) {
                throw new IOException("TSA " + url + " answered with a token that is refused: " + problem.get());
            }
            return token;
        } catch (org.bouncycastle.tsp.TSPException e) {
            throw new IOException("TSA " + url + " answered with an invalid response: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code token} is a well-formed RFC 3161 token over SHA-256(statement), signed by the certificate it
     * carries, and that this certificate has the timeStamping usage, was valid at the token's genTime and chains to
     * one of {@code trust}'s anchors.
     */
    public static TokenCheck check(byte[] token, byte[] statement, TsaTrust trust) {
        try {
            TimeStampToken parsed = new TimeStampToken(new CMSSignedData(token));
            var info = parsed.getTimeStampInfo();
            if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())
                    || !MessageDigest.isEqual(info.getMessageImprintDigest(), Sha256.digest(statement))) {
                return TokenCheck.broken("the timestamp token's imprint is not the SHA-256 of the statement");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certificates =
                    parsed.getCertificates().getMatches(parsed.getSID());
            if (certificates.isEmpty()) {
                return TokenCheck.broken("the timestamp token carries no signer certificate");
            }
            X509CertificateHolder certificate = certificates.iterator().next();
            // checks the CMS signature, the certificate's timeStamping usage and its validity at genTime
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            String tsa = certificate.getSubject().toString();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = parsed.getCertificates().getMatches(null);
            List<X509Certificate> others = new ArrayList<>();
            for (X509CertificateHolder other : all) {
                others.add(converter.getCertificate(other));
            }
            String anchor = trust.anchorOf(converter.getCertificate(certificate), others, info.getGenTime());
            if (anchor == null) {
                return TokenCheck.broken("the timestamp token is signed by " + tsa + ", an untrusted TSA: its"
                        + " certificate does not chain to a trusted TSA certificate (trusted: " + trust.names() + ")");
            }
            return new TokenCheck(Optional.empty(), info.getGenTime().toInstant(), tsa, anchor);
        } catch (Exception e) {
            return TokenCheck.broken("the timestamp token does not verify: " + e.getMessage());
        }
    }

    /**
     * {@code problem} is empty for a good token; then {@code time} is the TSA's time, {@code tsa} its name and
     * {@code anchor} the trusted certificate it chains to.
     */
    public record TokenCheck(Optional<String> problem, Instant time, String tsa, String anchor) {

        static TokenCheck broken(String problem) {
            return new TokenCheck(Optional.of(problem), null, null, null);
        }
    }
}
