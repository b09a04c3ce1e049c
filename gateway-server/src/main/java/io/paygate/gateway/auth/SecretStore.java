package io.paygate.gateway.auth;

import io.paygate.gateway.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Secrets the gateway generates for itself on first start when the operator configured none: kept
 * in the data folder, in files only their owner can read, and reused on every later start.
 */
public final class SecretStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;

  public SecretStore(Path dir) {
    this.dir = dir;
  }

  /** A secret that was read or generated, and whether it was generated now. */
  public record Secret(String value, boolean generated, Path file) {}

  /**
   * Reads the secret in {@code fileName}, or generates one of {@code bytes} random bytes with the
   * given prefix and writes it there.
   */
  public Secret readOrCreate(String fileName, String prefix, int bytes) {
    Path file = dir.resolve(fileName);
    try {
      Files.createDirectories(dir);
      if (Files.exists(file)) {
        return new Secret(Files.readString(file, StandardCharsets.UTF_8).trim(), false, file);
      }
      byte[] raw = new byte[bytes];
      RANDOM.nextBytes(raw);
      String value = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      writeOwnerOnly(file, value);
      return new Secret(value, true, file);
    } catch (FileAlreadyExistsException e) {
      // Another process created it between our check and our write: use theirs.
      return readOrCreate(fileName, prefix, bytes);
    } catch (IOException e) {
      throw new ConfigException("cannot read or create the secret file " + file + ": " + e, e);
    }
  }

  private static void writeOwnerOnly(Path file, String value) throws IOException {
    try {
      Files.createFile(file,
          PosixFilePermissions.asFileAttribute(Set.of(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not a POSIX file system
    }
    Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
  }
}
