package org.officialaccounts.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a start or a task completion over HTTP set only the fields of its Camunda Form, and
 * leaves changing other variables to administrators. Otherwise a reviewer could approve a
 * request and, in the same call, overwrite the checked account address the registry records,
 * or a requester could name someone else as the requester.
 *
 * <p>For the same reason only administrators send messages and signals, or start a process
 * somewhere other than its start event or without its listeners: a message start or a start
 * instruction would skip the start form's checks (a unit's closure request, say). A task ends
 * only through its form: throwing a BPMN error or escalation from it would leave its form's
 * checks behind. A process without a start form is started over this API only with the
 * variables its start event declares ({@code camunda:property name="startVariables"}, comma
 * separated), and not at all where it declares none: the application starts it.
 */
public class FormVariablesGuard extends OncePerRequestFilter {

  /** The engine's REST API under /engine-rest and the webapps' copy of it. */
  private static final String ENGINE_API = "^(?:/engine-rest|%s/api/engine/engine/[^/]+)";

  private final Pattern taskCompletion;
  private final Pattern start;
  private final Pattern variableChange;
  private final Pattern eventDelivery;
  private final Pattern taskEvent;
  private final Map<String, Set<String>> declaredStartVariables = new ConcurrentHashMap<>();
  private final FormService forms;
  private final RepositoryService repository;
  private final ObjectMapper json = new ObjectMapper();

  public FormVariablesGuard(String applicationPath, FormService forms, RepositoryService repository) {
    String api = String.format(ENGINE_API, Pattern.quote(applicationPath));
    this.taskCompletion = Pattern.compile(api + "/task/([^/]+)/(?:complete|submit-form|resolve)$");
    this.start = Pattern.compile(
        api + "/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)$");
    this.variableChange = Pattern.compile(
        api + "/(?:task|process-instance|execution)/[^/]+/(?:variables|localVariables)(?:/.*)?$");
    this.eventDelivery = Pattern.compile(api + "/(?:message|signal)(?:/.*)?$");
    this.taskEvent = Pattern.compile(api + "/task/[^/]+/(?:bpmnError|bpmnEscalation)$");
    this.forms = forms;
    this.repository = repository;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.of(request);
    boolean changes = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
        && !"OPTIONS".equals(request.getMethod());
    if (!changes || callerGroups(request).contains(Groups.CAMUNDA_ADMIN)) {
      chain.doFilter(request, response);
      return;
    }
    if (variableChange.matcher(path).matches()) {
      reject(response, HttpServletResponse.SC_FORBIDDEN,
          "Variables change only through the task's form / لا تتغير المتغيرات إلا من خلال نموذج المهمة");
      return;
    }
    if (eventDelivery.matcher(path).matches()) {
      reject(response, HttpServletResponse.SC_FORBIDDEN,
          "Messages and signals are sent by the application / يرسل التطبيق الرسائل والإشارات بنفسه");
      return;
    }
    if (taskEvent.matcher(path).matches()) {
      reject(response, HttpServletResponse.SC_FORBIDDEN,
          "A task ends through its form / لا تنتهي المهمة إلا من خلال نموذجها");
      return;
    }
    Set<String> fields = null;
    Matcher task = taskCompletion.matcher(path);
    Matcher startForm = start.matcher(path);
    if (task.matches()) {
      fields = fields(() -> forms.getDeployedTaskForm(task.group(1)));
    } else if (startForm.matches()) {
      String definitionId = null;
      try {
        definitionId = definitionId(startForm.group(1), startForm.group(2));
      } catch (ProcessEngineException e) {
        // Unknown, or not this caller's to see: the engine answers.
      }
      if (definitionId != null) {
        String id = definitionId;
        fields = fields(() -> forms.getDeployedStartForm(id));
        if (fields == null) {
          fields = startVariables(definitionId);
          if (fields != null && fields.isEmpty()) {
            reject(response, HttpServletResponse.SC_FORBIDDEN,
                "This process is started by the application, not over this API / يبدأ التطبيق هذه العملية بنفسه");
            return;
          }
        }
      }
    }
    JsonNode body = startForm.matches() || task.matches() ? body(request) : null;
    if (startForm.matches() && body != null && (body.has("startInstructions")
        || body.path("skipCustomListeners").asBoolean(false) || body.path("skipIoMappings").asBoolean(false))) {
      reject(response, HttpServletResponse.SC_FORBIDDEN,
          "A process starts at its start event, with its checks / تبدأ العملية من حدث البداية مع تحققاتها");
      return;
    }
    if (fields != null) {
      Set<String> unknown = submittedVariables(body);
      unknown.removeAll(fields);
      if (!unknown.isEmpty()) {
        String names = String.join(", ", unknown);
        reject(response, HttpServletResponse.SC_BAD_REQUEST,
            "Not fields of this form: " + names + " / ليست من حقول هذا النموذج: " + names);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** A form's source, or what the engine throws when there is none (or the caller may not see it). */
  private interface FormSource {
    InputStream open();
  }

  /**
   * The keys of the Camunda Form's fields, or null where the engine has no such form for the
   * caller: then the engine answers the request (with 403 or 404 where it is not theirs).
   */
  private Set<String> fields(FormSource source) throws IOException {
    JsonNode form;
    try (InputStream in = source.open()) {
      form = json.readTree(in);
    } catch (ProcessEngineException | IllegalArgumentException | IOException e) {
      // No Camunda Form here (or none this caller may see): the engine answers for itself.
      return null;
    }
    Set<String> keys = new HashSet<>();
    collectKeys(form, keys);
    return keys;
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      // Groups and dynamic lists bind their children under a path of their own.
      if (component.hasNonNull("path")) {
        keys.add(component.get("path").asText().split("\\.")[0]);
      }
      collectKeys(component, keys);
    }
  }

  /**
   * What a start event without a form declares a caller may set: the names, none when it declares
   * none; null when the model cannot be read here (the engine answers the request).
   */
  private Set<String> startVariables(String definitionId) {
    Set<String> known = declaredStartVariables.get(definitionId);
    if (known != null) {
      return known;
    }
    BpmnModelInstance model;
    try {
      model = repository.getBpmnModelInstance(definitionId);
    } catch (ProcessEngineException e) {
      return null;
    }
    Set<String> names = new HashSet<>();
    for (StartEvent event : model.getModelElementsByType(StartEvent.class)) {
      if (event.getParentElement() instanceof Process && event.getEventDefinitions().isEmpty()
          && event.getExtensionElements() != null) {
        event.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
            .flatMap(properties -> properties.getCamundaProperties().stream())
            .filter(property -> "startVariables".equals(property.getCamundaName()) && property.getCamundaValue() != null)
            .flatMap(property -> java.util.Arrays.stream(property.getCamundaValue().split(",")))
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .forEach(names::add);
      }
    }
    Set<String> declared = Set.copyOf(names);
    declaredStartVariables.put(definitionId, declared);
    return declared;
  }

  private String definitionId(String key, String id) {
    if (id != null) {
      return id;
    }
    ProcessDefinition latest =
        repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().list().stream()
            .findFirst().orElseThrow(() -> new ProcessEngineException("No process definition " + key));
    return latest.getId();
  }

  /** The JSON body, or null when there is none or it is not JSON (the engine answers those). */
  private JsonNode body(HttpServletRequest request) throws IOException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase().contains("json")) {
      return null;
    }
    try {
      return json.readTree(request.getInputStream());
    } catch (IOException e) {
      return null;
    }
  }

  private static Set<String> submittedVariables(JsonNode body) {
    Set<String> names = new TreeSet<>();
    if (body != null) {
      body.path("variables").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** The caller's groups: from HTTP Basic on /engine-rest, from the webapps' session on theirs. */
  private static Collection<String> callerGroups(HttpServletRequest request) {
    org.springframework.security.core.Authentication basic = SecurityContextHolder.getContext().getAuthentication();
    // The pages' filter chain leaves an anonymous login in place; the webapps' session tells more.
    if (basic != null && basic.isAuthenticated() && !(basic instanceof AnonymousAuthenticationToken)) {
      return basic.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
    List<String> groups = new ArrayList<>();
    for (UserAuthentication user : WebappLogins.of(request)) {
      if (user.getGroupIds() != null) {
        groups.addAll(user.getGroupIds());
      }
    }
    return groups;
  }

  private static void reject(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"" + (status == 400 ? "InvalidRequestException" : "AuthorizationException")
        + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
  }
}
