package dev.takedown.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a diagram in {@code bpmn/} must look like: bpmnlint's structural rules that matter to us (a gateway forks or
 * joins, never both; no activity or event joins flows by itself; what a reader follows has a name), and the house
 * rules (element ids by kind, a history time to live, delegates and expression beans named after their classes,
 * user tasks with a due date and an escalation timer). bpmnlint checks the first part in CI too; this runs in every
 * build, knows the Spring beans, and shows the exact element that breaks a rule.
 */
public final class DiagramRules {

    public enum Rule {
        /** A gateway with several incoming and several outgoing flows: split it into a join and a fork. */
        GATEWAY_FORKS_AND_JOINS,
        /** An activity or event with several incoming flows: join them with a gateway first. */
        FAKE_JOIN,
        /** Events, activities, deciding gateways and conditional flows carry a name. */
        NAME,
        /** Ids tell the kind of element: {@code Task_…}, {@code Gateway_…}, {@code Flow_…}, …. */
        ELEMENT_ID,
        /** Camunda refuses to deploy an executable process without {@code camunda:historyTimeToLive}. */
        HISTORY_TIME_TO_LIVE,
        /** {@code camunda:delegateExpression="${x}"}: bean x is its class's name and the class is the right kind. */
        DELEGATE_BEAN,
        /** A bean an expression calls ({@code ${x.method(…)}}) is named after its class. */
        EXPRESSION_BEAN,
        /** A user task has a due date, so that queues can sort and SLAs can be reported. */
        USER_TASK_DUE_DATE,
        /** A user task has a timer boundary event (on it or on a subprocess around it): someone hears when it lapses. */
        USER_TASK_ESCALATION
    }

    public record Violation(Rule rule, String element, String message) {

        @Override
        public String toString() {
            return rule + " " + element + ": " + message;
        }
    }

    private static final Pattern SUFFIX = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern PROCESS_ID = Pattern.compile("[a-z]+(-[a-z]+)*");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{\\s*([A-Za-z_]\\w*)\\s*}");
    private static final Pattern METHOD_CALL = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*\\.\\s*\\w+\\s*\\(");
    /** Names the engine itself resolves in expressions. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task");

    private final Map<String, Class<?>> beans;

    /** @param beans the Spring beans expressions can name, by bean name (see {@link #components(String)}) */
    public DiagramRules(Map<String, Class<?>> beans) {
        this.beans = beans;
    }

    /** The component classes under {@code basePackage} by the bean name Spring gives them. */
    public static Map<String, Class<?>> components(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        Map<String, Class<?>> components = new TreeMap<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
            components.put(
                    AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry),
                    ClassUtils.resolveClassName(definition.getBeanClassName(), DiagramRules.class.getClassLoader()));
        }
        return components;
    }

    /**
     * @param name the diagram's file name without {@code .bpmn}; its process has this id
     * @param xml  the diagram as stored
     */
    public List<Violation> check(String name, byte[] xml) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
        List<Violation> violations = new ArrayList<>();
        structure(model, violations);
        names(model, violations);
        ids(name, model, violations);
        processes(model, violations);
        userTasks(model, violations);
        beans(parse(xml).getDocumentElement(), violations);
        return violations;
    }

    private static void structure(BpmnModelInstance model, List<Violation> violations) {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            int incoming = node.getIncoming().size();
            if (node instanceof Gateway) {
                if (incoming > 1 && node.getOutgoing().size() > 1) {
                    violations.add(new Violation(Rule.GATEWAY_FORKS_AND_JOINS, node.getId(), "forks and joins"));
                }
            } else if (incoming > 1) {
                violations.add(new Violation(Rule.FAKE_JOIN, node.getId(), incoming + " incoming flows, no gateway"));
            }
        }
    }

    private static void names(BpmnModelInstance model, List<Violation> violations) {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            // a gateway that only joins is not a question; every other node is something a reader follows
            boolean joinsOnly = node instanceof Gateway && node.getOutgoing().size() <= 1;
            if (!joinsOnly && blank(node.getName())) {
                violations.add(new Violation(Rule.NAME, node.getId(), "has no name"));
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getConditionExpression() != null && blank(flow.getName())) {
                violations.add(new Violation(Rule.NAME, flow.getId(), "conditional flow without a name"));
            }
        }
    }

    private static void ids(String name, BpmnModelInstance model, List<Violation> violations) {
        String pascal = pascal(name);
        expectId(model.getDefinitions().getId(), "Definitions_" + pascal, violations);
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String id = element.getId();
            if (id == null) {
                continue; // expressions, documentation and the like
            }
            if (element instanceof Process) {
                if (!PROCESS_ID.matcher(id).matches() || !id.equals(name)) {
                    violations.add(
                            new Violation(Rule.ELEMENT_ID, id, "a process id is its file name in kebab case: " + name));
                }
                continue;
            }
            String prefix = prefix(element);
            if (prefix == null) {
                violations.add(new Violation(
                        Rule.ELEMENT_ID,
                        id,
                        "no id convention for " + element.getElementType().getTypeName() + " yet"));
            } else if (!id.startsWith(prefix)
                    || !SUFFIX.matcher(id.substring(prefix.length())).matches()) {
                violations.add(new Violation(Rule.ELEMENT_ID, id, "expected " + prefix + "UpperCamelCase"));
            }
        }
        for (BpmnDiagram diagram : model.getModelElementsByType(BpmnDiagram.class)) {
            expectId(diagram.getId(), "BPMNDiagram_" + pascal, violations);
        }
        for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
            expectId(plane.getId(), "BPMNPlane_" + pascal, violations);
        }
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            expectId(shape.getId(), shape.getBpmnElement().getId() + "_di", violations);
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            expectId(edge.getId(), edge.getBpmnElement().getId() + "_di", violations);
        }
    }

    /** The id prefix of a kind of element, or null when the house has none for it. */
    private static String prefix(BaseElement element) {
        if (element instanceof StartEvent) {
            return "StartEvent_";
        }
        if (element instanceof EndEvent) {
            return "EndEvent_";
        }
        if (element instanceof Event) {
            return "Event_"; // boundary and intermediate events
        }
        if (element instanceof Task) {
            return "Task_"; // user, service, business-rule, … tasks
        }
        if (element instanceof CallActivity) {
            return "CallActivity_";
        }
        if (element instanceof SubProcess) {
            return "SubProcess_";
        }
        if (element instanceof Gateway) {
            return "Gateway_";
        }
        if (element instanceof SequenceFlow) {
            return "Flow_";
        }
        if (element instanceof EventDefinition
                || element instanceof Message
                || element instanceof Signal
                || element instanceof org.camunda.bpm.model.bpmn.instance.Error
                || element instanceof Escalation) {
            return pascal(element.getElementType().getTypeName()) + "_"; // MessageEventDefinition_, Message_, …
        }
        return null;
    }

    private static void processes(BpmnModelInstance model, List<Violation> violations) {
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
                violations.add(new Violation(
                        Rule.HISTORY_TIME_TO_LIVE, process.getId(), "executable without camunda:historyTimeToLive"));
            }
        }
    }

    private static void userTasks(BpmnModelInstance model, List<Violation> violations) {
        Collection<BoundaryEvent> boundaryEvents = model.getModelElementsByType(BoundaryEvent.class);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (blank(task.getCamundaDueDate())) {
                violations.add(new Violation(Rule.USER_TASK_DUE_DATE, task.getId(), "no camunda:dueDate"));
            }
            boolean timed = boundaryEvents.stream()
                    .filter(event -> encloses(event.getAttachedTo(), task))
                    .anyMatch(event ->
                            event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance));
            if (!timed) {
                violations.add(new Violation(
                        Rule.USER_TASK_ESCALATION,
                        task.getId(),
                        "no timer boundary event on the task or a subprocess around it"));
            }
        }
    }

    private static boolean encloses(Activity activity, UserTask task) {
        for (ModelElementInstance at = task; at != null; at = at.getParentElement()) {
            if (at == activity) {
                return true;
            }
        }
        return false;
    }

    /** Every attribute and text of the document, for delegate expressions and the beans expressions call. */
    private void beans(Element element, List<Violation> violations) {
        String at = owner(element);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            // camunda:delegateExpression on a BPMN element; plain delegateExpression on camunda:executionListener
            String namespace =
                    attribute.getNamespaceURI() == null ? element.getNamespaceURI() : attribute.getNamespaceURI();
            if (BpmnModelConstants.CAMUNDA_NS.equals(namespace)
                    && "delegateExpression".equals(attribute.getLocalName())) {
                delegate(element, at, attribute.getValue(), violations);
            } else {
                expression(at, attribute.getValue(), violations);
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                beans(nested, violations);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                expression(at, child.getNodeValue(), violations);
            }
        }
    }

    private void delegate(Element element, String at, String expression, List<Violation> violations) {
        Matcher reference = BEAN_REFERENCE.matcher(expression);
        if (!reference.matches()) {
            violations.add(new Violation(Rule.DELEGATE_BEAN, at, expression + " is not ${beanName}"));
            return;
        }
        String bean = reference.group(1);
        Class<?> kind =
                switch (element.getLocalName()) {
                    case "executionListener" -> ExecutionListener.class;
                    case "taskListener" -> TaskListener.class;
                    default -> JavaDelegate.class;
                };
        Class<?> type = namedAfterItsClass(bean, at, expression, Rule.DELEGATE_BEAN, violations);
        if (type != null && !kind.isAssignableFrom(type)) {
            violations.add(new Violation(
                    Rule.DELEGATE_BEAN,
                    at,
                    expression + ": " + type.getSimpleName() + " is no " + kind.getSimpleName()));
        }
    }

    private void expression(String at, String text, List<Violation> violations) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher call = METHOD_CALL.matcher(expression.group(1));
            while (call.find()) {
                if (!ENGINE_NAMES.contains(call.group(1))) {
                    namedAfterItsClass(call.group(1), at, expression.group(), Rule.EXPRESSION_BEAN, violations);
                }
            }
        }
    }

    /** The bean's class if {@code bean} is its class's name in lower camel case, else null and a violation. */
    private Class<?> namedAfterItsClass(
            String bean, String at, String expression, Rule rule, List<Violation> violations) {
        Class<?> type = beans.get(bean);
        if (type == null) {
            violations.add(new Violation(rule, at, expression + ": no bean " + bean));
            return null;
        }
        String expected = Character.toLowerCase(type.getSimpleName().charAt(0))
                + type.getSimpleName().substring(1);
        if (!expected.equals(bean)) {
            violations.add(new Violation(
                    rule,
                    at,
                    expression + ": bean " + bean + " is a " + type.getSimpleName() + ", name it " + expected));
            return null;
        }
        return type;
    }

    /** The id of the element, or of the nearest one around it that has an id. */
    private static String owner(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (e.hasAttribute("id")) {
                return e.getAttribute("id");
            }
        }
        return "(document)";
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a readable diagram", e);
        }
    }

    private static void expectId(String id, String expected, List<Violation> violations) {
        if (!expected.equals(id)) {
            violations.add(new Violation(Rule.ELEMENT_ID, id, "expected " + expected));
        }
    }

    /** {@code counter-notice} → {@code CounterNotice}, {@code timerEventDefinition} → {@code TimerEventDefinition}. */
    private static String pascal(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
