package dev.takedown.workflow.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({ReviewSla.class, EnforcementSettings.class})
class WorkflowConfiguration {

    static {
        // Camunda builds a DatatypeFactory for every timer it schedules (DurationHelper); without this property each
        // DatatypeFactory.newInstance() searches the class path for a provider first (4 % of intake CPU in the
        // profile, docs/benchmarks.md). The JDK's own implementation is the one that search finds.
        if (System.getProperty("javax.xml.datatype.DatatypeFactory") == null) {
            System.setProperty(
                    "javax.xml.datatype.DatatypeFactory",
                    "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
        }
    }
}
