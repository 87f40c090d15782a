package org.officialaccounts.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Names two JVM-wide factory implementations that would otherwise be looked up by a
 * {@link java.util.ServiceLoader} scan of the whole classpath on every call. At a campaign's
 * volume (measured with the campaign benchmark) these scans cost more than the work around them:
 *
 * <ul>
 *   <li>the engine's timers: every duration ({@code P2D}) is parsed with a new
 *       {@link javax.xml.datatype.DatatypeFactory}, three per attestation task;
 *   <li>Jakarta Mail 2.1 looks its stream provider up for every MIME part and encoded header it
 *       handles (jakartaee/mail-api#861).
 * </ul>
 *
 * <p>A value set on the command line is left alone. Loaded with the application context, before
 * the job executor runs its first job.
 */
@Configuration(proxyBeanMethods = false)
public class FactoryLookups {

  static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";
  static final String JDK_DATATYPE_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";
  static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  static {
    install();
  }

  /** Idempotent; public so that code running before the context (a test's mail server) can call it. */
  public static void install() {
    name(DATATYPE_FACTORY, JDK_DATATYPE_FACTORY);
    name(MAIL_STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
  }

  private static void name(String factory, String implementation) {
    if (System.getProperty(factory) == null && ClassUtils.isPresent(implementation, null)) {
      System.setProperty(factory, implementation);
    }
  }
}
