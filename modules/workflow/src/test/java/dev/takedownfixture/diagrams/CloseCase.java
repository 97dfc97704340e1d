package dev.takedownfixture.diagrams;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A delegate, named as it should be; not an execution listener. */
@Component("closeCase")
class CloseCase implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {}
}
