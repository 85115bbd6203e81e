package org.xenproject.supportstatus.imports;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xenproject.supportstatus.supportmd.SupportMdReader;

/** The one reader the importer and the parse endpoint share, so both apply the same size limit. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportSettings.class) // also in web-layer slices, which do not scan for settings
public class SupportMdConfiguration {

    /** The limit is the import's (XEN_SUPPORT_MAX_FILE_BYTES): /api/v1/parse is bounded by it too. */
    @Bean
    SupportMdReader supportMdReader(ImportSettings settings) {
        return new SupportMdReader(settings.maxFileBytes());
    }
}
