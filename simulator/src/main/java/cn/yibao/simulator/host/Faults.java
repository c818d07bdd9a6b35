package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.net.HostServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault plans in force: one global plan and per-connection plans that override it, changed at
 * run time — through this API in-process, or through the faults file {@code faults.json} that the
 * {@code simulator host fault} command writes and the running host re-reads.
 */
public final class Faults implements HostServer.PipelineHook {

    /** Name of the faults file in the host's data directory. */
    public static final String FILE = "faults.json";

    private volatile FaultPlan global = FaultPlan.NONE;
    private final Map<Long, FaultPlan> perConnection = new ConcurrentHashMap<>();

    /** Sets the global plan. */
    public void setGlobal(FaultPlan plan) {
        global = plan;
    }

    /** Sets (or with {@link FaultPlan#NONE}, clears) the plan of one connection. */
    public void setConnection(long connectionId, FaultPlan plan) {
        if (plan.none()) {
            perConnection.remove(connectionId);
        } else {
            perConnection.put(connectionId, plan);
        }
    }

    /** @return the plan in force on a connection */
    public FaultPlan planFor(long connectionId) {
        return perConnection.getOrDefault(connectionId, global);
    }

    /** @return the global plan */
    public FaultPlan global() {
        return global;
    }

    /** @return the per-connection plans */
    public Map<Long, FaultPlan> perConnection() {
        return Map.copyOf(perConnection);
    }

    @Override
    public void customize(long connectionId, ChannelPipeline p) {
        p.addBefore(HostServer.TLS, "refuse-tls", new FaultHandler.RefuseTls(this, connectionId));
        p.addBefore(HostServer.DISPATCH, "faults", new FaultHandler(this, connectionId));
    }

    /** Writes the plans to {@code dir}/faults.json atomically. */
    public static void write(Path dir, FaultPlan global, Map<Long, FaultPlan> connections) throws IOException {
        ObjectNode n = Json.object();
        n.set("global", global.toJson());
        ObjectNode per = n.putObject("connections");
        connections.forEach((id, plan) -> per.set(String.valueOf(id), plan.toJson()));
        Dirs.writeAtomically(dir.resolve(FILE), CanonicalJson.text(n));
    }

    /** Replaces the plans with those of {@code dir}/faults.json (none if the file is absent). */
    public void load(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            global = FaultPlan.NONE;
            perConnection.clear();
            return;
        }
        JsonNode n = Json.parse(Files.readAllBytes(f));
        global = FaultPlan.fromJson(n.path("global"));
        perConnection.clear();
        n.path("connections").properties().forEach(e ->
                setConnection(Long.parseLong(e.getKey()), FaultPlan.fromJson(e.getValue())));
    }
}
