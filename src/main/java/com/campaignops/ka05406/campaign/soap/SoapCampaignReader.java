package com.campaignops.ka05406.campaign.soap;

import com.campaignops.ka05406.campaign.CampaignJournal;
import com.campaignops.ka05406.campaign.CampaignReader;
import com.campaignops.ka05406.campaign.CampaignSession;
import com.campaignops.ka05406.campaign.CampaignUnavailableException;
import com.campaignops.ka05406.campaign.CampaignWorkflow;
import com.campaignops.ka05406.campaign.ServerFacts;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.outbound.BoundedBody;
import com.campaignops.ka05406.outbound.CallFailure;
import com.campaignops.ka05406.outbound.Guards;
import com.campaignops.ka05406.outbound.HttpClients;
import com.campaignops.ka05406.outbound.Redaction;
import com.campaignops.ka05406.secrets.SecretRef;
import com.campaignops.ka05406.secrets.SecretStore;
import com.campaignops.ka05406.secrets.SecretUnavailableException;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control instance over its SOAP router, read-only: Logon (once per sweep), ExecuteQuery on
 * {@code xtk:workflow} and {@code xtk:workflowLog}, Logoff (always, after errors too). Owns the
 * policy: its own timeouts per attempt, the {@code http} group's retries for reads on transient failures only
 * (never for a Logon), a breaker per call kind, and an authentication block: a refused Logon
 * (XSV-350012, XSV-350013, locked operator) is never retried and no Logon is tried again before
 * {@code breaker-delay} has passed, so the function can never lock the operator out. An expired
 * session (XSV-350008) gets exactly one new Logon. CDI creates it on first use: nothing is built at init.
 */
@ApplicationScoped
public class SoapCampaignReader implements CampaignReader {

    private static final Logger LOG = Logger.getLogger(SoapCampaignReader.class);

    private final RestartCheckConfig.Campaign campaign;
    private final RestartCheckConfig.Http http;
    private final Clock clock;
    private final SecretStore secrets;
    /** {@code null} with no Campaign URL. */
    private final Wiring wiring;
    private volatile AuthBlock authBlock;

    public SoapCampaignReader(RestartCheckConfig config, Clock clock, SecretStore secrets) {
        this.campaign = config.campaign();
        this.http = config.http();
        this.clock = clock;
        this.secrets = secrets;
        this.wiring = campaign.url().map(this::build).orElse(null);
    }

    /** Campaign's SOAP router at the configured URL: called only here, which owns its timeouts, retries and breaker. */
    interface SoapRouterEndpoint {
        /**
         * @param action        {@code xtk:session#Logon}, {@code xtk:queryDef#ExecuteQuery}…
         * @param cookie        {@code __sessiontoken=…}, or {@code null} before the Logon
         * @param securityToken the Logon's security token, or {@code null}
         * @return the raw answer, so its status and size are checked before the body is read
         */
        @POST
        @Path("/nl/jsp/soaprouter.jsp")
        @Consumes("text/xml; charset=utf-8")
        @Produces({"text/xml", "application/xml", "text/html;q=0.1"})
        Response call(@HeaderParam("SOAPAction") String action, @HeaderParam("Cookie") String cookie,
                      @HeaderParam("X-Security-Token") String securityToken, String envelope);
    }

    /** A refused Logon, and until when no new one is tried. */
    private record AuthBlock(Instant until, String reason) {
    }

    /** The client and its guards, built once on first use and kept for warm invocations. */
    private record Wiring(SoapRouterEndpoint client, TypedGuard<Object> logonGuard, TypedGuard<Object> readGuard,
                          TypedGuard<Object> logoffGuard, URI url) {
    }

    @Override
    public boolean configured() {
        return campaign.url().isPresent();
    }

    @Override
    public CampaignSession open() {
        if (wiring == null) {
            throw new CampaignUnavailableException("no Campaign URL is configured");
        }
        AuthBlock block = authBlock;
        if (block != null && clock.instant().isBefore(block.until())) {
            throw unavailable("skipped: Campaign refused the last Logon (" + block.reason() + "); no new Logon before "
                    + block.until() + " (breaker-delay), so the operator cannot be locked out");
        }
        if (campaign.sessionToken().isPresent()) {
            // Trusted-IP mode: the operator's IP mask vouches for it; no password, no Logon, no Logoff.
            return new Session(new SoapAnswers.Logon(campaign.sessionToken().get(), null, ServerFacts.UNKNOWN), null,
                    null);
        }
        String login = campaign.login().filter(l -> !l.isBlank()).orElseThrow(() -> unavailable(
                "no Campaign login is configured (restart-check.campaign.login), nor a session-token"));
        String password = password();
        return new Session(logon(login, password), login, password);
    }

    /**
     * The operator's password: from SSM Parameter Store or Secrets Manager through {@link SecretStore} (its cache and
     * failure policy apply), or from the environment for local use. Read when a sweep logs on, never at init; never
     * logged, never in a reason.
     *
     * @throws CampaignUnavailableException naming the store, never the value
     */
    String password() {
        Optional<SecretRef> stored = SecretRef.of(campaign.passwordParameter(), campaign.passwordSecretId());
        try {
            if (stored.isPresent()) {
                return secrets.read(stored.get(), campaign.secretCacheTtl()).strip();
            }
        } catch (SecretUnavailableException e) {
            throw new CampaignUnavailableException("the Campaign password could not be read: " + e.getMessage());
        }
        return campaign.password().filter(p -> !p.isBlank()).map(String::strip).orElseThrow(() ->
                new CampaignUnavailableException("no Campaign password is configured (password-parameter, "
                        + "password-secret-id, or password for local use) and no session-token for trusted-IP mode"));
    }

    /** Tests: forget a refused Logon before breaker-delay has passed. */
    void forgetAuthenticationFailure() {
        authBlock = null;
    }

    private SoapAnswers.Logon logon(String login, String password) {
        try {
            return (SoapAnswers.Logon) wiring.logonGuard().call(
                    () -> SoapAnswers.logon(post("xtk:session#Logon", Envelopes.logon(login, password), null)));
        } catch (Exception e) {
            int status = e instanceof CallFailure.Permanent refused ? refused.status() : 0;
            // A 401 or 403 without a fault to say why is treated as a refused password: never tried again at once.
            if (e instanceof SoapFault fault && fault.kind() == SoapFault.Kind.AUTHENTICATION || status == 401
                    || status == 403) {
                authBlock = new AuthBlock(clock.instant().plus(http.breakerDelay()), e.getMessage());
                throw unavailable("Logon refused, not retried: " + e.getMessage());
            }
            throw unavailable("Logon failed: " + reasonOf(e));
        }
    }

    private final class Session implements CampaignSession {
        private final String login;
        private final String password;
        /** The tokens in use: the Logon's, the new one's after an expiry, or trusted-IP mode's session token. */
        private volatile SoapAnswers.Logon tokens;
        private boolean loggedOff;
        private boolean loggedOnAgain;

        /** @param login {@code null} in trusted-IP mode, where there is no Logon and no Logoff */
        Session(SoapAnswers.Logon tokens, String login, String password) {
            this.tokens = tokens;
            this.login = login;
            this.password = password;
        }

        @Override
        public ServerFacts facts() {
            return tokens.facts();
        }

        @Override
        public List<CampaignWorkflow> workflows(List<String> internalNameGlobs) {
            // A glob as a LIKE pattern: * any run, ? one character.
            List<String> conditions = internalNameGlobs.stream().map(glob -> "@internalName LIKE "
                    + Envelopes.literal(glob.replace('*', '%').replace('?', '_'))).toList();
            List<Map<String, String>> rows = query("workflow", new Envelopes.QueryDef("xtk:workflow",
                    List.of("@id", "@internalName", "@label", "@state", "@failed", "@lastStart"), conditions,
                    conditions.size() > 1 ? "OR" : null, List.of(), campaign.maxWorkflows() + 1, null));
            if (rows.size() > campaign.maxWorkflows()) {
                LOG.warnf("More than %d workflows match %s; the first %d are swept (restart-check.campaign.max-workflows)",
                        campaign.maxWorkflows(), internalNameGlobs, campaign.maxWorkflows());
            }
            List<CampaignWorkflow> workflows = new ArrayList<>();
            for (Map<String, String> row : rows.subList(0, Math.min(rows.size(), campaign.maxWorkflows()))) {
                Long id = longOrNull(row.get("id"));
                String name = row.get("internalName");
                if (id == null || name == null || name.isBlank()) {
                    continue;
                }
                Long state = longOrNull(row.get("state"));
                String failed = row.getOrDefault("failed", "0");
                workflows.add(new CampaignWorkflow(id, name, state == null ? -1 : state.intValue(),
                        "1".equals(failed) || "true".equalsIgnoreCase(failed),
                        SoapAnswers.instantOrNull(row.get("lastStart"))));
            }
            return workflows;
        }

        @Override
        public CampaignJournal journal(long workflowId, int days) {
            List<CampaignJournal.Line> newestFirst = new ArrayList<>();
            int pageSize = campaign.pageSize();
            boolean capped = false;
            for (int start = 0; ; start += pageSize) {
                List<Map<String, String>> rows = query("workflowLog", new Envelopes.QueryDef("xtk:workflowLog",
                        List.of("@id", "@logDate", "@logType", "@message", "@activity"),
                        List.of("[@workflow-id] = " + workflowId, "@logDate >= SubDays(GetDate(), " + days + ")"),
                        null, List.of("@logDate", "@id"), pageSize, start));
                for (Map<String, String> row : rows) {
                    Instant logDate = SoapAnswers.instantOrNull(row.get("logDate"));
                    if (logDate != null) {
                        Long type = longOrNull(row.get("logType"));
                        newestFirst.add(new CampaignJournal.Line(logDate, type == null ? -1 : type.intValue(),
                                row.get("message")));
                    }
                }
                if (rows.size() < pageSize) {
                    break;
                }
                if (start + pageSize >= campaign.maxLines()) {
                    capped = true;
                    break;
                }
            }
            List<CampaignJournal.Line> lines = new ArrayList<>(newestFirst.subList(0, Math.min(newestFirst.size(),
                    campaign.maxLines())));
            Collections.reverse(lines);
            return new CampaignJournal(lines, capped);
        }

        @SuppressWarnings("unchecked")
        private List<Map<String, String>> query(String rowElement, Envelopes.QueryDef queryDef) {
            String envelope = Envelopes.executeQuery(queryDef);
            try {
                return (List<Map<String, String>>) wiring.readGuard().call(
                        () -> SoapAnswers.rows(post("xtk:queryDef#ExecuteQuery", envelope, tokens), rowElement));
            } catch (Exception e) {
                if (e instanceof SoapFault fault && fault.kind() == SoapFault.Kind.SESSION_EXPIRED
                        && logOnAgainOnce()) {
                    return query(rowElement, queryDef); // once, with the new Logon's tokens
                }
                throw unavailable("ExecuteQuery failed: " + reasonOf(e));
            }
        }

        /** XSV-350008: one new Logon per session, no more; none in trusted-IP mode. */
        private synchronized boolean logOnAgainOnce() {
            if (login == null || loggedOnAgain) {
                return false;
            }
            loggedOnAgain = true;
            LOG.warn("Campaign session expired (XSV-350008): logging on once more");
            tokens = logon(login, password);
            return true;
        }

        @Override
        public synchronized void close() {
            if (login == null || loggedOff) {
                return;
            }
            loggedOff = true;
            try {
                wiring.logoffGuard().call(() -> {
                    SoapAnswers.acknowledge(post("xtk:session#Logoff", Envelopes.logoff(), tokens),
                            "LogoffResponse");
                    return Boolean.TRUE;
                });
            } catch (Exception e) {
                LOG.warnf("Campaign Logoff at %s failed: %s", Redaction.url(wiring.url()), reasonOf(e));
            }
        }
    }

    private CampaignUnavailableException unavailable(String reason) {
        LOG.warnf("Campaign at %s unavailable: %s", Redaction.url(wiring.url()), reason);
        return new CampaignUnavailableException(reason);
    }

    private String reasonOf(Exception e) {
        return e instanceof SoapFault ? e.getMessage()
                : Guards.reasonOf(e, "Campaign", campaign.attemptTimeout(), http.breakerDelay());
    }

    /** @param tokens {@code null} for the Logon */
    private String post(String action, String envelope, SoapAnswers.Logon tokens) {
        String cookie = tokens == null ? null : "__sessiontoken=" + tokens.sessionToken();
        String securityToken = tokens == null ? null : tokens.securityToken();
        return BoundedBody.soap(HttpClients.call(() -> wiring.client().call(action, cookie, securityToken, envelope)),
                campaign.maxResponseBytes());
    }

    private Wiring build(URI url) {
        SoapRouterEndpoint client = HttpClients.build(SoapRouterEndpoint.class, url, http.connectTimeout(),
                campaign.readTimeout(), null);
        // A Logon is never retried: a wrong password repeated is how an operator gets locked. A fault Campaign
        // answered does not open a breaker.
        return new Wiring(client,
                Guards.read(Object.class, "campaign-logon", http, campaign.attemptTimeout(), false, SoapFault.class),
                Guards.read(Object.class, "campaign-read", http, campaign.attemptTimeout(), true, SoapFault.class),
                Guards.deadline(Object.class, campaign.attemptTimeout()), url);
    }

    private static Long longOrNull(String text) {
        try {
            return text == null ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
