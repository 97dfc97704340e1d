package dev.takedownfixture.diagrams;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A delegate whose bean name is not its class's. */
@Component("notifyParties")
class Renamed implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {}
}
