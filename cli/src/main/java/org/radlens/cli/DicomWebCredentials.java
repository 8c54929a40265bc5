package org.radlens.cli;

import java.nio.file.Path;
import java.util.Map;
import org.radlens.dicomio.tls.Secrets;
import org.radlens.dicomio.web.Auth;

/**
 * Where {@code radlens score --dicomweb} finds its credentials, never on the command line: {@code --credentials-file}
 * (one line {@code user:password}, owner-only), {@code --token-env VAR} (bearer token), or the environment
 * ({@code RADLENS_DICOMWEB_CREDENTIALS=user:password}, or {@code RADLENS_DICOMWEB_USER} and
 * {@code RADLENS_DICOMWEB_PASSWORD}); none of these: no authentication.
 */
final class DicomWebCredentials {
    static final String CREDENTIALS_ENV = "RADLENS_DICOMWEB_CREDENTIALS";
    static final String USER_ENV = "RADLENS_DICOMWEB_USER";
    static final String PASSWORD_ENV = "RADLENS_DICOMWEB_PASSWORD";
    static final String NO_ARGV = "--user is refused: a password on the command line is visible to every local user "
            + "(ps, /proc). Put user:password in the environment variable " + CREDENTIALS_ENV + " (or "
            + USER_ENV + " and " + PASSWORD_ENV + "), or in a file readable only by you (chmod 600) given with "
            + "--credentials-file FILE";

    private DicomWebCredentials() {
    }

    /** The authentication to use; {@link IllegalArgumentException} for a bad file, variable or combination. */
    static Auth resolve(Path credentialsFile, String tokenEnv, Map<String, String> env) {
        if (credentialsFile != null && tokenEnv != null) {
            throw new IllegalArgumentException("give --credentials-file or --token-env, not both");
        }
        if (credentialsFile != null) {
            return basic(Secrets.firstLine(credentialsFile, "--credentials-file"), "--credentials-file "
                    + credentialsFile);
        }
        if (tokenEnv != null) {
            String token = env.get(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("--token-env " + tokenEnv + ": the variable is not set");
            }
            return Auth.bearer(token.strip());
        }
        String both = env.get(CREDENTIALS_ENV);
        if (both != null && !both.isEmpty()) {
            return basic(both, CREDENTIALS_ENV);
        }
        String user = env.get(USER_ENV);
        if (user != null && !user.isEmpty()) {
            String pw = env.get(PASSWORD_ENV);
            if (pw == null) {
                throw new IllegalArgumentException(USER_ENV + " is set but " + PASSWORD_ENV + " is not");
            }
            return Auth.basic(user, pw);
        }
        return Auth.none();
    }

    private static Auth basic(String userColonPassword, String where) {
        int colon = userColonPassword.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(where + ": expected user:password");
        }
        return Auth.basic(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
    }
}
