package dev.takedown.workflow.internal;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/** The engine starts after Flyway, which now creates its tables (V39); registered in META-INF/spring.factories. */
public class EngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class);
    }
}
