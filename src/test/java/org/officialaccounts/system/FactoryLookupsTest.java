package org.officialaccounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;

class FactoryLookupsTest {

  @Test
  void namesTheFactoriesThatStillWork() throws Exception {
    FactoryLookups.install();

    assertThat(System.getProperty(FactoryLookups.DATATYPE_FACTORY)).isEqualTo(FactoryLookups.JDK_DATATYPE_FACTORY);
    DatatypeFactory datatypes = DatatypeFactory.newInstance();
    assertThat(datatypes.getClass().getName()).isEqualTo(FactoryLookups.JDK_DATATYPE_FACTORY);
    assertThat(datatypes.newDuration("P2DT3H").getDays()).isEqualTo(2);

    assertThat(System.getProperty(FactoryLookups.MAIL_STREAM_PROVIDER)).isEqualTo(FactoryLookups.ANGUS_STREAM_PROVIDER);
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(FactoryLookups.ANGUS_STREAM_PROVIDER);
    // A round trip through the encoders and decoders the provider supplies.
    String text = "حساب رسمي / official account";
    MimeMessage message = new MimeMessage((Session) null);
    MimeMultipart multipart = new MimeMultipart("alternative");
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, "UTF-8");
    multipart.addBodyPart(part);
    message.setContent(multipart);
    message.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    MimeMessage read = new MimeMessage(null, new ByteArrayInputStream(out.toByteArray()));
    assertThat(((MimeMultipart) read.getContent()).getBodyPart(0).getContent()).isEqualTo(text);
  }

  @Test
  void leavesAValueFromTheCommandLineAlone() {
    String before = System.getProperty(FactoryLookups.DATATYPE_FACTORY);
    try {
      System.setProperty(FactoryLookups.DATATYPE_FACTORY, "org.example.OwnDatatypeFactory");
      FactoryLookups.install();
      assertThat(System.getProperty(FactoryLookups.DATATYPE_FACTORY)).isEqualTo("org.example.OwnDatatypeFactory");
    } finally {
      if (before == null) {
        System.clearProperty(FactoryLookups.DATATYPE_FACTORY);
      } else {
        System.setProperty(FactoryLookups.DATATYPE_FACTORY, before);
      }
    }
    FactoryLookups.install();
  }
}
