package cn.yibao.terminal.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest (Implementation-Version). */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"${COMMAND-FULL-NAME} " + (v == null ? "dev" : v)};
    }
}
