package org.officialaccounts.notification;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders the bilingual email templates under {@code templates/mail/}. */
@Component
public class MailTemplates {

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  public MailTemplates() {
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }

  /** The rendered subject, plain text body and HTML body of a template. */
  public RenderedMail render(String template, Map<String, Object> model) {
    Context context = new Context();
    context.setVariables(model);
    String subject = engine.process(template + ".subject.txt", context).strip().replaceAll("\\s+", " ");
    String text = engine.process(template + ".txt", context);
    String html = engine.process(template + ".html", context);
    return new RenderedMail(subject, text, html);
  }

  /** A rendered email. */
  public record RenderedMail(String subject, String text, String html) {}
}
