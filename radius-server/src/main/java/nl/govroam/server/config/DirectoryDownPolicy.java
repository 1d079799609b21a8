package nl.govroam.server.config;

/**
 * What to answer when the user's directory is unavailable, per kind of client. The defaults: a NAS gets no reply
 * (so it fails over to its second RADIUS server); a federation peer gets an Access-Reject (silence would get this
 * server marked dead for every realm).
 */
public record DirectoryDownPolicy(Answer nas, Answer federation) {

    public static final DirectoryDownPolicy DEFAULT = new DirectoryDownPolicy(Answer.NO_REPLY, Answer.REJECT);

    public enum Answer { NO_REPLY, REJECT }

    public Answer forRole(ClientRole role) {
        return role == ClientRole.FEDERATION ? federation : nas;
    }
}
