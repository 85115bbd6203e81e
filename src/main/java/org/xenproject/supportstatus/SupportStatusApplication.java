package org.xenproject.supportstatus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SupportStatusApplication {

    public static void main(String[] args) {
        DefaultHeap.giveBackIfUnset();
        SpringApplication.run(SupportStatusApplication.class, args);
    }
}
