package org.xenproject.supportstatus.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xenproject.supportstatus.supportmd.SupportMdReader;

/** The one reader the importer and the parse endpoint share, so both apply the same size limit. */
@Configuration(proxyBeanMethods = false)
class SupportMdConfiguration {

    @Bean
    SupportMdReader supportMdReader() {
        return new SupportMdReader();
    }
}
