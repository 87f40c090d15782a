package org.officialaccounts.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the analysts' models and forms as files and lists every reference in them that points at
 * nothing: a bean, form, decision, called process, message, error, signal, escalation or group
 * that does not exist, an element the diagram does not draw, a definition without history time
 * to live.
 */
final class ModelReferences {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMN_DI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

  /** What the engine's resolver puts in reach of every expression besides variables and beans. */
  static final Set<String> ENGINE_OBJECTS =
      Set.of("execution", "task", "caseExecution", "externalTask", "authenticatedUserId");

  /** The engine sets it for a business rule task's output mapping only. */
  static final String DECISION_RESULT = "decisionResult";

  /** Functions of the engine's expression manager. */
  static final Set<String> ENGINE_FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  private static final Set<String> EL_KEYWORDS =
      Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge",
          "div", "mod", "instanceof");

  private static final Set<String> FLOW_NODES =
      Set.of("startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
          "task", "userTask", "serviceTask", "scriptTask", "businessRuleTask", "sendTask", "receiveTask",
          "manualTask", "callActivity", "subProcess", "transaction", "adHocSubProcess", "exclusiveGateway",
          "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway");

  /** Reference attribute to the kind of root element it must name in the same file. */
  private static final Map<String, String> ROOT_ELEMENT_REFERENCES =
      Map.of("messageRef", "message", "errorRef", "error", "signalRef", "signal", "escalationRef", "escalation");

  /** Attributes that must name some element of the same model. */
  private static final Set<String> ELEMENT_REFERENCES = Set.of("sourceRef", "targetRef", "attachedToRef", "default");

  /** Elements whose text is prose, script or tool data, never evaluated as an expression. */
  private static final Set<String> NOT_EXPRESSIONS = Set.of("documentation", "text", "script", "property", "string");

  private static final String DEPLOYED_FORM = "camunda-forms:deployment:";

  /** What was read and what is wrong with it. */
  record Report(
      List<String> problems,
      Set<String> processes,
      Set<String> decisions,
      Set<String> forms,
      Set<String> beansCalled,
      int expressions) {}

  /** An identifier an expression starts from, and the character after it. */
  record Root(String name, char next) {

    boolean called() {
      return next == '.' || next == '(';
    }
  }

  private final Path models;
  private final Path formsFolder;
  private final Set<String> beans;
  private final Set<String> groups;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, String> processes = new HashMap<>();
  private final Map<String, String> decisions = new HashMap<>();
  private final Map<String, String> forms = new HashMap<>();
  private final Set<String> beansCalled = new TreeSet<>();
  private int expressions;

  private ModelReferences(Path models, Path formsFolder, Set<String> beans, Set<String> groups) {
    this.models = models;
    this.formsFolder = formsFolder;
    this.beans = beans;
    this.groups = groups;
  }

  /** Checks every {@code *.bpmn} and {@code *.dmn} in one folder against the forms in another. */
  static Report check(Path models, Path forms, Set<String> beans, Set<String> groups) {
    return new ModelReferences(models, forms, beans, groups).run();
  }

  private Report run() {
    for (Path form : files(formsFolder, ".form")) {
      readForm(form);
    }
    for (Path dmn : files(models, ".dmn")) {
      readDecisions(dmn);
    }
    Map<Path, Document> bpmn = new HashMap<>();
    List<Path> bpmnFiles = files(models, ".bpmn");
    for (Path file : bpmnFiles) {
      Document document = parse(file);
      bpmn.put(file, document);
      for (Element process : elements(document, BPMN, "process")) {
        declare(processes, "process", process.getAttribute("id"), file);
      }
    }
    for (Path file : bpmnFiles) {
      new ModelFile(file, bpmn.get(file)).check();
    }
    return new Report(List.copyOf(problems), new TreeSet<>(processes.keySet()), new TreeSet<>(decisions.keySet()),
        new TreeSet<>(forms.keySet()), beansCalled, expressions);
  }

  private void readForm(Path file) {
    JsonNode form;
    try {
      form = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      problem(file, "form", "is not JSON: " + e.getMessage());
      return;
    }
    String id = form.path("id").asText("");
    if (id.isBlank()) {
      problem(file, "form", "has no id");
    } else {
      declare(forms, "form", id, file);
    }
  }

  private void readDecisions(Path file) {
    for (Element decision : elements(parse(file), "*", "decision")) {
      String id = decision.getAttribute("id");
      declare(decisions, "decision", id, file);
      if (decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
        problem(file, id, "decision has no camunda:historyTimeToLive");
      }
    }
  }

  private void declare(Map<String, String> declared, String kind, String id, Path file) {
    String before = declared.putIfAbsent(id, file.getFileName().toString());
    if (before != null) {
      problem(file, id, kind + " id is also declared in " + before);
    }
  }

  /** One BPMN file: its references, its expressions and its diagram. */
  private final class ModelFile {

    private final Path file;
    private final Document document;
    private final Map<String, String> ids = new HashMap<>();

    ModelFile(Path file, Document document) {
      this.file = file;
      this.document = document;
      for (Element element : elements(document, BPMN, "*")) {
        if (element.hasAttribute("id")) {
          ids.put(element.getAttribute("id"), element.getLocalName());
        }
      }
    }

    void check() {
      for (Element process : elements(document, BPMN, "process")) {
        if ("true".equals(process.getAttribute("isExecutable"))
            && process.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
          problem(file, process.getAttribute("id"), "process has no camunda:historyTimeToLive");
        }
      }
      checkElements(document.getDocumentElement());
      checkDiagram();
    }

    private void checkElements(Element element) {
      String namespace = element.getNamespaceURI();
      if (!BPMN.equals(namespace) && !CAMUNDA.equals(namespace)) {
        return;
      }
      if (NOT_EXPRESSIONS.contains(element.getLocalName())) {
        return;
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        checkAttribute(element, (Attr) attributes.item(i));
      }
      // A condition in a script language is not an expression.
      if (!element.hasAttribute("language")) {
        String text = ownText(element);
        if (!text.isBlank()) {
          checkExpressions(element, "text of " + element.getLocalName(), text, false);
        }
      }
      for (Element child : children(element)) {
        checkElements(child);
      }
    }

    private void checkAttribute(Element element, Attr attribute) {
      String name = attribute.getLocalName();
      String value = attribute.getValue();
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
          || XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(attribute.getNamespaceURI())
          || name.equals("id")
          || name.equals("name")
          || name.equals("stringValue")) {
        return;
      }
      if (value.contains("${") || value.contains("#{")) {
        checkExpressions(element, name, value, name.equals("delegateExpression"));
        return;
      }
      switch (name) {
        case "formRef" -> refers(element, name, value, forms.containsKey(value), "form");
        case "decisionRef" -> refers(element, name, value, decisions.containsKey(value), "decision");
        case "calledElement" -> refers(element, name, value, processes.containsKey(value), "process");
        case "formKey" -> {
          if (value.startsWith(DEPLOYED_FORM)) {
            String path = value.substring(DEPLOYED_FORM.length());
            Path deployed = formsFolder.resolveSibling(path);
            refers(element, name, value, Files.isRegularFile(deployed), "deployed file");
          }
        }
        case "class" -> refers(element, name, value, ClassUtils.isPresent(value, null), "class");
        case "candidateGroups", "candidateStarterGroups" -> {
          for (String group : value.split(",")) {
            if (!groups.contains(group.trim())) {
              problem(file, owner(element), "candidate group '" + group.trim() + "' is none of the application's groups");
            }
          }
        }
        default -> {
          String kind = ROOT_ELEMENT_REFERENCES.get(name);
          if (kind != null) {
            refers(element, name, value, kind.equals(ids.get(value)), kind + " in this file");
          } else if (ELEMENT_REFERENCES.contains(name) && BPMN.equals(element.getNamespaceURI())) {
            refers(element, name, value, ids.containsKey(value), "element in this file");
          }
        }
      }
    }

    private void refers(Element element, String attribute, String value, boolean exists, String kind) {
      if (!exists) {
        problem(file, owner(element), attribute + " '" + value + "' names no " + kind);
      }
    }

    private void checkExpressions(Element element, String where, String text, boolean delegate) {
      for (String expression : expressions(text)) {
        expressions++;
        String quoted = "\"${" + expression + "}\"";
        List<Root> roots = roots(expression);
        for (Root root : roots) {
          String name = root.name();
          // A delegate expression is a bean or a bean's method; what follows is ordinary.
          boolean beanExpected = delegate && root == roots.get(0);
          if (beans.contains(name) && (root.called() || beanExpected)) {
            beansCalled.add(name);
          } else if (beanExpected) {
            problem(file, owner(element), where + " " + quoted + " names no bean '" + name + "'");
          } else if (!root.called() || ENGINE_OBJECTS.contains(name)) {
            // a process variable, or what the engine provides
          } else if (ENGINE_FUNCTIONS.contains(name) && root.next() == '(') {
            // the engine's function
          } else if (name.equals(DECISION_RESULT)) {
            if (!inBusinessRuleOutput(element)) {
              problem(file, owner(element), where + " " + quoted + " uses '" + DECISION_RESULT
                  + "' outside a business rule task's output mapping");
            }
          } else {
            problem(file, owner(element), where + " " + quoted + " calls '" + name
                + "', which is neither a bean nor set by the engine");
          }
        }
      }
    }

    private boolean inBusinessRuleOutput(Element element) {
      boolean output = false;
      for (Node node = element; node instanceof Element ancestor; node = node.getParentNode()) {
        output |= CAMUNDA.equals(ancestor.getNamespaceURI()) && ancestor.getLocalName().equals("outputParameter");
        if (BPMN.equals(ancestor.getNamespaceURI()) && ancestor.getLocalName().equals("businessRuleTask")) {
          return output;
        }
      }
      return false;
    }

    private void checkDiagram() {
      Set<String> shapes = new TreeSet<>();
      Set<String> edges = new TreeSet<>();
      for (Element shape : elements(document, BPMN_DI, "BPMNShape")) {
        String drawn = drawn(shape);
        shapes.add(drawn);
        if (children(shape).stream().noneMatch(child -> DC.equals(child.getNamespaceURI())
            && child.getLocalName().equals("Bounds"))) {
          problem(file, drawn, "shape has no bounds");
        }
      }
      for (Element edge : elements(document, BPMN_DI, "BPMNEdge")) {
        String drawn = drawn(edge);
        edges.add(drawn);
        if (children(edge).stream().filter(child -> DI.equals(child.getNamespaceURI())
            && child.getLocalName().equals("waypoint")).count() < 2) {
          problem(file, drawn, "edge has fewer than two waypoints");
        }
      }
      for (Element plane : elements(document, BPMN_DI, "BPMNPlane")) {
        drawn(plane);
      }
      for (Element element : elements(document, BPMN, "*")) {
        String id = element.getAttribute("id");
        if (FLOW_NODES.contains(element.getLocalName()) && !shapes.contains(id)) {
          problem(file, id, "has no shape in the diagram");
        } else if (element.getLocalName().equals("sequenceFlow") && !edges.contains(id)) {
          problem(file, id, "has no edge in the diagram");
        }
      }
    }

    private String drawn(Element diagramElement) {
      String drawn = diagramElement.getAttribute("bpmnElement");
      if (!ids.containsKey(drawn)) {
        problem(file, diagramElement.getAttribute("id"), "draws '" + drawn + "', which is not in the model");
      }
      return drawn;
    }

    /** The nearest element with an id, which is what a reader finds in Modeler. */
    private String owner(Element element) {
      for (Node node = element; node instanceof Element ancestor; node = node.getParentNode()) {
        if (ancestor.hasAttribute("id")) {
          return ancestor.getAttribute("id");
        }
      }
      return element.getLocalName();
    }
  }

  /** Every {@code ${...}} and {@code #{...}} in a text, without the delimiters. */
  static List<String> expressions(String text) {
    List<String> found = new ArrayList<>();
    int i = 0;
    while (i < text.length() - 1) {
      char c = text.charAt(i);
      if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
        int end = closingBrace(text, i + 2);
        found.add(text.substring(i + 2, end));
        i = end + 1;
      } else {
        i++;
      }
    }
    return found;
  }

  /** The identifiers an expression starts from: not members after a dot, not keywords or literals. */
  static List<Root> roots(String expression) {
    List<Root> roots = new ArrayList<>();
    char previous = ' ';
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (c == '\'' || c == '"') {
        i = endOfString(expression, i) + 1;
        previous = c;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c)) {
        while (i < expression.length()
            && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
          i++;
        }
        previous = '0';
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < expression.length() && Character.isJavaIdentifierPart(expression.charAt(i))) {
          i++;
        }
        String name = expression.substring(start, i);
        int next = i;
        while (next < expression.length() && Character.isWhitespace(expression.charAt(next))) {
          next++;
        }
        if (previous != '.' && !EL_KEYWORDS.contains(name)) {
          roots.add(new Root(name, next < expression.length() ? expression.charAt(next) : ' '));
        }
        previous = 'a';
      } else {
        previous = c;
        i++;
      }
    }
    return roots;
  }

  private static int closingBrace(String text, int from) {
    int depth = 0;
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = endOfString(text, i);
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
      i++;
    }
    return text.length();
  }

  /** The index of the quote that closes the string literal opened at {@code start}. */
  private static int endOfString(String text, int start) {
    char quote = text.charAt(start);
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i;
      } else {
        i++;
      }
    }
    return text.length();
  }

  private void problem(Path file, String element, String text) {
    problems.add(file.getFileName() + ": " + element + ": " + text);
  }

  private static List<Path> files(Path folder, String extension) {
    try (Stream<Path> listed = Files.list(folder)) {
      return listed.filter(path -> path.getFileName().toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document parse(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException(file + " is not well-formed XML", e);
    }
  }

  private static List<Element> elements(Document document, String namespace, String localName) {
    NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
    List<Element> elements = new ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        children.add(childElement);
      }
    }
    return children;
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }
}
