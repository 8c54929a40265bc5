package org.radlens.dicomio.dimse;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The association-establishment PDUs of DICOM PS3.8 §9.3 that RadLens reads or writes itself: A-ASSOCIATE-RQ
 * (written by our SCU, its AE titles read by the listener's guard), A-ASSOCIATE-AC (read), A-ASSOCIATE-RJ (both).
 * All multi-byte fields are big-endian; AE titles are 16 bytes, space padded.
 */
final class AssociatePdus {
    static final int TYPE_RQ = 0x01;
    static final int TYPE_AC = 0x02;
    static final int TYPE_RJ = 0x03;
    static final int TYPE_ABORT = 0x07;
    /** A-ASSOCIATE-RJ reasons with source 1 (service user), PS3.8 Table 9-21. */
    static final int REASON_CALLING_AET = 3;
    static final int REASON_CALLED_AET = 7;
    private static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    /** A proposed presentation context: odd id 1..255, one abstract syntax, its transfer syntaxes. */
    record Proposal(int id, String abstractSyntax, List<String> transferSyntaxes) {
    }

    /** A presentation context of an A-ASSOCIATE-AC: result 0 is acceptance. */
    record Answer(int id, int result, String transferSyntax) {
    }

    /** What an A-ASSOCIATE-AC says: the peer's maximum PDU length (0 = unlimited) and its answers. */
    record Acceptance(int maxPduLength, List<Answer> answers) {
    }

    private AssociatePdus() {
    }

    /** Reads one whole PDU (6-byte header + body); refuses a body longer than {@code maxLength}. */
    static byte[] read(InputStream in, int maxLength) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] head = new byte[6];
        d.readFully(head);
        long length = ByteBuffer.wrap(head, 2, 4).getInt() & 0xffffffffL;
        if (length > maxLength) {
            throw new IOException("PDU type 0x" + Integer.toHexString(head[0] & 0xff) + " of " + length
                    + " bytes, more than the " + maxLength + " allowed during association set-up");
        }
        byte[] pdu = new byte[6 + (int) length];
        System.arraycopy(head, 0, pdu, 0, 6);
        d.readFully(pdu, 6, (int) length);
        return pdu;
    }

    /** The called AE title of an A-ASSOCIATE-RQ (bytes 10..25), trimmed. */
    static String calledAet(byte[] rq) throws EOFException {
        return aet(rq, 10);
    }

    /** The calling AE title of an A-ASSOCIATE-RQ (bytes 26..41), trimmed. */
    static String callingAet(byte[] rq) throws EOFException {
        return aet(rq, 26);
    }

    private static String aet(byte[] pdu, int at) throws EOFException {
        if (pdu.length < at + 16) {
            throw new EOFException("A-ASSOCIATE-RQ of " + pdu.length + " bytes is too short");
        }
        return new String(pdu, at, 16, StandardCharsets.US_ASCII).strip();
    }

    /** An A-ASSOCIATE-RJ: result 1 (permanent), source 1 (service user), {@code reason}. */
    static byte[] reject(int reason) {
        return new byte[]{TYPE_RJ, 0, 0, 0, 0, 4, 0, 1, 1, (byte) reason};
    }

    /** An A-ASSOCIATE-RQ proposing {@code contexts}, offering to receive PDUs of up to {@code maxPdu} bytes. */
    static byte[] request(String called, String calling, List<Proposal> contexts, int maxPdu,
                          String implementationUid, String implementationName) {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        item(items, 0x10, ascii(APPLICATION_CONTEXT));
        for (Proposal p : contexts) {
            ByteArrayOutputStream pc = new ByteArrayOutputStream();
            pc.writeBytes(new byte[]{(byte) p.id(), 0, 0, 0});
            item(pc, 0x30, ascii(p.abstractSyntax()));
            p.transferSyntaxes().forEach(ts -> item(pc, 0x40, ascii(ts)));
            item(items, 0x20, pc.toByteArray());
        }
        ByteArrayOutputStream user = new ByteArrayOutputStream();
        item(user, 0x51, ByteBuffer.allocate(4).putInt(maxPdu).array());
        item(user, 0x52, ascii(implementationUid));
        item(user, 0x55, ascii(implementationName.length() > 16 ? implementationName.substring(0, 16)
                : implementationName));
        item(items, 0x50, user.toByteArray());
        ByteBuffer body = ByteBuffer.allocate(68 + items.size());
        body.putShort((short) 1).putShort((short) 0).put(padded(called)).put(padded(calling)).put(new byte[32])
                .put(items.toByteArray());
        return pdu(TYPE_RQ, body.array());
    }

    /** Parses an A-ASSOCIATE-AC; a truncated or inconsistent one is an {@link IOException}. */
    static Acceptance accept(byte[] ac) throws IOException {
        try {
            return parseAccept(ac);
        } catch (RuntimeException e) { // BufferUnderflow, IndexOutOfBounds, IllegalArgument from slicing
            throw new IOException("malformed A-ASSOCIATE-AC (" + ac.length + " bytes)", e);
        }
    }

    private static Acceptance parseAccept(byte[] ac) {
        List<Answer> answers = new ArrayList<>();
        int maxPdu = 0;
        ByteBuffer b = ByteBuffer.wrap(ac, 74, ac.length - 74);
        while (b.remaining() >= 4) {
            int type = b.get() & 0xff;
            b.get();
            int len = b.getShort() & 0xffff;
            ByteBuffer item = b.slice(b.position(), len);
            b.position(b.position() + len);
            if (type == 0x21) {
                int id = item.get() & 0xff;
                item.get();
                int result = item.get() & 0xff;
                item.get();
                String ts = "";
                if (item.remaining() >= 4 && (item.get() & 0xff) == 0x40) {
                    item.get();
                    byte[] uid = new byte[item.getShort() & 0xffff];
                    item.get(uid);
                    ts = trimUid(uid);
                }
                answers.add(new Answer(id, result, ts));
            } else if (type == 0x50) {
                maxPdu = maxLength(item);
            }
        }
        return new Acceptance(maxPdu, answers);
    }

    /** Human text for an A-ASSOCIATE-RJ (PS3.8 Table 9-21). */
    static String describeReject(byte[] rj) {
        int result = rj.length > 7 ? rj[7] & 0xff : 0;
        int source = rj.length > 8 ? rj[8] & 0xff : 0;
        int reason = rj.length > 9 ? rj[9] & 0xff : 0;
        String why = source == 1 && reason == REASON_CALLING_AET ? "calling AE title not recognized"
                : source == 1 && reason == REASON_CALLED_AET ? "called AE title not recognized"
                : source == 1 && reason == 2 ? "application context not supported"
                : "source " + source + ", reason " + reason;
        return "association rejected (" + (result == 1 ? "permanent" : "transient") + "): " + why;
    }

    private static int maxLength(ByteBuffer user) {
        while (user.remaining() >= 4) {
            int type = user.get() & 0xff;
            user.get();
            int len = user.getShort() & 0xffff;
            if (type == 0x51 && len == 4) {
                return user.getInt();
            }
            user.position(user.position() + len);
        }
        return 0;
    }

    private static void item(ByteArrayOutputStream out, int type, byte[] value) {
        out.writeBytes(new byte[]{(byte) type, 0, (byte) (value.length >> 8), (byte) value.length});
        out.writeBytes(value);
    }

    private static byte[] pdu(int type, byte[] body) {
        return ByteBuffer.allocate(6 + body.length).put((byte) type).put((byte) 0).putInt(body.length).put(body)
                .array();
    }

    private static byte[] padded(String aet) {
        byte[] out = "                ".getBytes(StandardCharsets.US_ASCII);
        byte[] a = aet.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(a, 0, out, 0, Math.min(16, a.length));
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String trimUid(byte[] uid) {
        return new String(uid, StandardCharsets.US_ASCII).replace("\0", "").strip();
    }
}
