package com.vaultcrmsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PKCS12 keystore with an RSA key pair made by the JDK's {@code keytool}, as a Salesforce admin
 * would make one, and its certificate exported as PEM for the emulator's connected app.
 *
 * @param keystore the PKCS12 file holding the private key under alias {@link #ALIAS}
 * @param certificate the PEM certificate that verifies the key's signatures
 */
public record JwtKeys(Path keystore, Path certificate) {

  public static final String ALIAS = "jwt";
  public static final String PASSWORD = "changeit";

  /**
   * Writes {@code jwt.p12} and {@code jwt.pem} into {@code dir}; fails the test if keytool does.
   */
  public static JwtKeys create(Path dir) throws IOException, InterruptedException {
    Path keystore = dir.resolve("jwt.p12");
    Path cert = dir.resolve("jwt.pem");
    keytool(
        "-genkeypair",
        "-alias",
        ALIAS,
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=vault-crm-sync",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        ALIAS,
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        cert.toString());
    return new JwtKeys(keystore, cert);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
  }
}
