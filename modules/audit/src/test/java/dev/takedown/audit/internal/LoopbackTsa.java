package dev.takedown.audit.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 TSA on 127.0.0.1 (BouncyCastle behind the JDK's HTTP server) that can be switched off. Its certificate
 * is issued by its own test CA, which {@link #trust()} names as the anchor; a {@code selfSigned} TSA has none.
 */
final class LoopbackTsa implements AutoCloseable {

    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong serials = new AtomicLong();
    private final HttpServer server;
    private final TimeStampResponseGenerator responses;
    private final X509Certificate ca;

    LoopbackTsa() throws Exception {
        this("CN=Loopback TSA", false);
    }

    LoopbackTsa(String subject, boolean selfSigned) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("EC").generateKeyPair();
        KeyPair caKeys = selfSigned ? keys : KeyPairGenerator.getInstance("EC").generateKeyPair();
        X500Name name = new X500Name(subject);
        X500Name caName = selfSigned ? name : new X500Name(subject + " CA");
        Instant now = Instant.now();
        Date from = Date.from(now.minus(Duration.ofDays(1)));
        Date to = Date.from(now.plus(Duration.ofDays(365)));
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        ca = selfSigned
                ? null
                : converter.getCertificate(
                        new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, to, caName, caKeys.getPublic())
                                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        X509Certificate certificate = converter.getCertificate(new JcaX509v3CertificateBuilder(
                        caName, BigInteger.ONE, from, to, name, keys.getPublic())
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", keys.getPrivate(), certificate),
                new JcaDigestCalculatorProviderBuilder()
                        .build()
                        .get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new JcaCertStore(List.of(certificate)));
        responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                if (down.get()
                        || !"application/timestamp-query"
                                .equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    exchange.sendResponseHeaders(down.get() ? 503 : 415, -1);
                    return;
                }
                byte[] body;
                try {
                    body = responses
                            .generate(
                                    new TimeStampRequest(
                                            exchange.getRequestBody().readAllBytes()),
                                    BigInteger.valueOf(serials.incrementAndGet()),
                                    new Date())
                            .getEncoded();
                } catch (Exception e) {
                    throw new IOException(e);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** A token over SHA-256(statement), made without HTTP. */
    byte[] token(byte[] statement) throws Exception {
        var generator = new org.bouncycastle.tsp.TimeStampRequestGenerator();
        generator.setCertReq(true);
        var request = generator.generate(TSPAlgorithms.SHA256, Sha256.digest(statement));
        return responses
                .generate(request, BigInteger.valueOf(serials.incrementAndGet()), new Date())
                .getTimeStampToken()
                .getEncoded();
    }

    /** The test CA as the only trust anchor; none for a self-signed TSA. */
    TsaTrust trust() {
        return ca == null ? TsaTrust.none() : new TsaTrust(List.of(ca));
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
