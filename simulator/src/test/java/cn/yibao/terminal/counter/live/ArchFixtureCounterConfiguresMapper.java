package cn.yibao.terminal.counter.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** A mapper configured outside the named places, for JsonConfigurationTest. Only its class file is read. */
final class ArchFixtureCounterConfiguresMapper {

    private ArchFixtureCounterConfiguresMapper() {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new SimpleModule("elsewhere"));
    }
}
