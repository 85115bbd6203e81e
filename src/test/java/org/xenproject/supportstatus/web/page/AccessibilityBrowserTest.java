package org.xenproject.supportstatus.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages audited by axe-core in a real browser, on a phone-sized screen as on a desktop: no
 * violation of any rule it checks, before and after the matrix is filtered.
 */
class AccessibilityBrowserTest extends BrowserTestSupport {

    AccessibilityBrowserTest() {
        super(412, 915);
    }

    @Test
    void theMatrixAsServed() {
        driver.get(url("/"));
        assertNoViolations("/");
    }

    @Test
    void theMatrixFilteredByTheServer() {
        driver.get(url("/?arch=arm64&level=supported&q=pv"));
        assertThat(driver.findElements(By.cssSelector("#matrix tbody tr[hidden]")))
                .isNotEmpty();
        assertNoViolations("/?arch=arm64&level=supported&q=pv");
    }

    @Test
    void theMatrixFilteredInThePage() {
        driver.get(url("/"));
        new Select(driver.findElement(By.id("arch"))).selectByValue("arm64");
        driver.findElement(By.id("level-supported")).click();
        assertThat(driver.getCurrentUrl()).contains("arch=arm64");
        assertNoViolations("/ filtered to arm64, supported");
    }

    @Test
    void aReleasePage() {
        driver.get(url("/releases/4.19"));
        assertThat(driver.findElements(By.cssSelector("#fixes tbody tr"))).hasSize(2);
        assertNoViolations("/releases/4.19");
    }

    @Test
    void anAdvisoryPage() {
        driver.get(url("/advisories/XSA-500"));
        assertThat(driver.findElements(By.cssSelector("#fixes tbody tr"))).hasSize(3);
        assertNoViolations("/advisories/XSA-500");
    }

    @Test
    void theReleasePageAsItWasOnADay() {
        driver.get(url("/releases/4.19?at=2024-08-01"));
        assertNoViolations("/releases/4.19?at=2024-08-01");
    }

    @Test
    void theMatrixOnADesktop() {
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(url("/?arch=x86"));
        assertNoViolations("/?arch=x86 on a desktop");
    }

    private void assertNoViolations(String page) {
        // Touch targets of at least 24px (WCAG 2.2) are checked too, as Lighthouse does.
        AxeRuleOptions on = new AxeRuleOptions();
        on.setEnabled(true);
        AxeRunOptions options = new AxeRunOptions();
        options.setRules(Map.of("target-size", on));
        Results results = new AxeBuilder().withOptions(options).analyze(driver);
        assertThat(results.getPasses()).as("axe ran its rules on " + page).isNotEmpty();
        assertThat(results.getPasses())
                .extracting(Rule::getId)
                .as("target sizes were checked on " + page)
                .contains("target-size");
        List<String> violations = results.getViolations().stream()
                .map(AccessibilityBrowserTest::describe)
                .toList();
        assertThat(violations).as("accessibility violations on " + page).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .limit(3)
                        .map(node -> String.valueOf(node.getTarget()))
                        .toList()
                + (rule.getNodes().size() > 3 ? " and " + (rule.getNodes().size() - 3) + " more" : "");
    }
}
