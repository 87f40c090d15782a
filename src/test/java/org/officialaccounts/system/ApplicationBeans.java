package org.officialaccounts.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.officialaccounts.OfficialAccountsApplication;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.MethodMetadata;

/**
 * The names of the beans the application defines in a profile, found the way component scanning
 * finds them, without starting a context.
 *
 * <p>Only the application's own classes count (not test classes on the same class path), and
 * only beans its {@code @Profile} admits; classes registered by {@code @ConfigurationPropertiesScan}
 * alone get names no expression can spell, so they are left out.
 */
final class ApplicationBeans {

  private ApplicationBeans() {}

  /** Bean names from {@code @Component} classes (and stereotypes) and their {@code @Bean} methods. */
  static Set<String> names(String profile) {
    String basePackage = OfficialAccountsApplication.class.getPackageName();
    String mainClasses =
        OfficialAccountsApplication.class.getProtectionDomain().getCodeSource().getLocation().toExternalForm();
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> names = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      ScannedGenericBeanDefinition definition = (ScannedGenericBeanDefinition) candidate;
      if (!location(definition).startsWith(mainClasses) || !admitted(definition.getMetadata(), profile)) {
        continue;
      }
      names.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry));
      for (MethodMetadata method : definition.getMetadata().getAnnotatedMethods(Bean.class.getName())) {
        if (!admitted(method, profile)) {
          continue;
        }
        Map<String, Object> bean = method.getAnnotationAttributes(Bean.class.getName());
        String[] declared = (String[]) bean.get("name");
        if (declared.length == 0) {
          names.add(method.getMethodName());
        } else {
          names.addAll(Set.of(declared));
        }
      }
    }
    return names;
  }

  private static boolean admitted(AnnotatedTypeMetadata metadata, String profile) {
    Map<String, Object> attributes = metadata.getAnnotationAttributes(Profile.class.getName());
    return attributes == null || Profiles.of((String[]) attributes.get("value")).matches(profile::equals);
  }

  private static String location(ScannedGenericBeanDefinition definition) {
    try {
      return definition.getResource().getURL().toExternalForm();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
