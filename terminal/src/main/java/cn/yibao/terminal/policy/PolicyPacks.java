package cn.yibao.terminal.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The policy packs bundled with the terminal. */
public final class PolicyPacks {

    /** Class-path resource of the Changchun 2010 pack. */
    public static final String CHANGCHUN_2010 = "/cn/yibao/terminal/policy/changchun-2010.json";

    private PolicyPacks() {
    }

    /** @return the Changchun 2010 pack (the default), parsed once */
    public static PolicyPack changchun2010() {
        return Holder.CHANGCHUN;
    }

    /** @return the bytes of the bundled Changchun 2010 pack file */
    public static byte[] changchun2010Bytes() {
        try (InputStream in = PolicyPacks.class.getResourceAsStream(CHANGCHUN_2010)) {
            if (in == null) {
                throw new IllegalStateException("bundled policy pack missing: " + CHANGCHUN_2010);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final PolicyPack CHANGCHUN = PolicyPackLoader.load(changchun2010Bytes(), PolicyTrust.none());
    }
}
