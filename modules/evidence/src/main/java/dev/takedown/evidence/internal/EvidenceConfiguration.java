package dev.takedown.evidence.internal;

import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(EvidenceProperties.class)
class EvidenceConfiguration {

    @Bean
    ContentStore evidenceContentStore(EvidenceProperties properties) throws IOException {
        return new ContentStore(properties.directory());
    }

    @Bean
    ZipInspector evidenceZipInspector(EvidenceProperties properties) {
        return new ZipInspector(properties.archive().limits());
    }
}
