package dev.takedown.bench.intake;

import dev.takedown.TakedownApplication;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code P_accept}: the whole app as configured, with no lifecycle started and no event sent to Kafka — the floor
 * for HTTP, authentication, JSON, the notice's rows and its outbox rows. It exists only here: the app has no switch
 * that turns its lifecycle off.
 */
public final class AcceptOnlyTakedown {

    private AcceptOnlyTakedown() {}

    public static void main(String[] args) {
        // a command-line argument, since config/application.yml turns externalisation on over any default
        String[] withoutKafka = Stream.concat(
                        Arrays.stream(args), Stream.of("--spring.modulith.events.externalization.enabled=false"))
                .toArray(String[]::new);
        new SpringApplicationBuilder(TakedownApplication.class)
                .initializers(context -> context.addBeanFactoryPostProcessor(
                        factory -> ((BeanDefinitionRegistry) factory).removeBeanDefinition("caseProcesses")))
                .run(withoutKafka);
    }
}
