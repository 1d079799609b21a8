package nl.govroam.ldap;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.directory.api.asn1.EncoderException;
import org.apache.directory.api.ldap.model.message.Message;
import org.apache.directory.api.ldap.model.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LDAP connection: the last handler of its pipeline. Numbers requests, matches responses to them by message ID
 * (so searches can be pipelined), bounds each operation by the operation timeout, and fails every pending
 * operation promptly when the connection closes. A timeout closes the connection: after a lost answer nothing on
 * it can be trusted. Everything runs on the channel's event loop.
 */
final class LdapChannel extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LdapChannel.class);

    private final String url;
    private final long operationTimeoutNanos;
    private final LdapPduEncoder encoder;
    private final IntObjectHashMap<Pending> pending = new IntObjectHashMap<>();
    private Channel channel;
    private int lastMessageId;
    private String closeReason;

    private record Pending(PendingOperation<?> operation, Future<?> timeout) {
    }

    LdapChannel(String url, long operationTimeoutNanos, LdapPduEncoder encoder) {
        this.url = url;
        this.operationTimeoutNanos = operationTimeoutNanos;
        this.encoder = encoder;
    }

    String url() {
        return url;
    }

    Channel channel() {
        return channel;
    }

    boolean isUsable() {
        return closeReason == null && channel != null && channel.isActive();
    }

    ChannelFuture closeFuture() {
        return channel.closeFuture();
    }

    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    /**
     * Sends a request and registers its operation. {@code secret}: the PDU carries a password, so the buffer is
     * zeroed once written. Must be called on the channel's event loop.
     */
    <T> CompletableFuture<T> send(Request request, PendingOperation<T> operation, boolean secret) {
        if (!isUsable()) {
            operation.fail(ServerCallFailure.unreachable(url + ": connection closed"
                    + (closeReason == null ? "" : " (" + closeReason + ")")));
            return operation.result;
        }
        int id = nextMessageId();
        request.setMessageId(id);
        ByteBuf pdu;
        try {
            pdu = encoder.encode(channel.alloc(), request, secret);
        } catch (EncoderException | RuntimeException e) {
            operation.fail(ServerCallFailure.directoryError(url + ": cannot encode " + request.getType() + ": "
                    + ServerCallFailure.describe(e)));
            return operation.result;
        }
        Future<?> timeout = channel.eventLoop().schedule(() -> timedOut(id), operationTimeoutNanos, TimeUnit.NANOSECONDS);
        pending.put(id, new Pending(operation, timeout));
        if (secret) {
            pdu.retain();
            channel.writeAndFlush(pdu).addListener(written -> {
                pdu.setZero(0, pdu.capacity());
                pdu.release();
                if (!written.isSuccess()) {
                    closeWith("write failed: " + ServerCallFailure.describe(written.cause()));
                }
            });
        } else {
            channel.writeAndFlush(pdu, channel.voidPromise());
        }
        return operation.result;
    }

    private int nextMessageId() {
        // message IDs are 1..maxInt (RFC 4511 section 4.1.1.1); 0 is for unsolicited notifications
        lastMessageId = lastMessageId == Integer.MAX_VALUE ? 1 : lastMessageId + 1;
        return lastMessageId;
    }

    private void timedOut(int id) {
        Pending timedOut = pending.remove(id);
        if (timedOut != null) {
            String reason = "no answer within " + TimeUnit.NANOSECONDS.toMillis(operationTimeoutNanos) + " ms";
            timedOut.operation().fail(ServerCallFailure.unreachable(url + ": " + reason));
            closeWith(reason);
        }
    }

    private void closeWith(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        failAll();
        channel.close();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof Message response)) {
            return;
        }
        int id = response.getMessageId();
        if (id == 0) {
            // an unsolicited notification, in practice Notice of Disconnection (RFC 4511 section 4.4.1)
            closeWith("the server ended the connection");
            return;
        }
        Pending waiting = pending.get(id);
        if (waiting != null && waiting.operation().accept(response)) {
            pending.remove(id);
            waiting.timeout().cancel(false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (closeReason == null) {
            closeReason = "connection closed";
        }
        failAll();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{}: closing connection: {}", url, ServerCallFailure.describe(cause));
        closeWith(ServerCallFailure.describe(cause));
    }

    private void failAll() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> failed = new ArrayList<>(pending.values());
        pending.clear();
        String reason = url + ": " + closeReason;
        for (Pending each : failed) {
            each.timeout().cancel(false);
            each.operation().fail(ServerCallFailure.unreachable(reason));
        }
    }
}
