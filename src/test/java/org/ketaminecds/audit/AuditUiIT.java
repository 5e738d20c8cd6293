package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.DemoServiceTest;
import org.ketaminecds.support.FixedClockConfiguration;
import org.ketaminecds.support.Http;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The auditor's pages in a real browser (Debian's chromium, headless), on real recorded decisions and feedback. */
@DemoServiceTest
class AuditUiIT {
    @LocalServerPort
    int port;
    ChromeDriver browser;
    WebDriverWait wait;
    JsonNode cards;

    @BeforeEach
    void aDecisionWithOverriddenFeedbackAndABrowser() throws IOException {
        Http http = new Http(port);
        cards = http.postJson("/cds-services/ketamine-order-sign", Http.read(Path.of(AuditTrailIT.SAMPLE))).json()
                .get("cards");
        http.postJson("/cds-services/ketamine-order-sign/feedback", "{\"feedback\":[{\"card\":\""
                + cards.get(1).get("uuid").asString() + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":"
                + "\"2026-03-02T09:05:00Z\",\"overrideReason\":{\"reason\":{\"code\":\"benefit\",\"display\":"
                + "\"Benefit outweighs risk\"}}}]}");
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--window-size=1280,1400", "--user-data-dir=" + Files.createTempDirectory("audit-chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(
                Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        // The demo auditor's credentials on every request the page makes (HTTP Basic, as a browser would send).
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("Authorization", AuditTrailIT.AUDITOR)));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    void screenshot(String name) throws IOException {
        Path target = Path.of("target", "audit-ui-" + name + ".png");
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void an_auditor_searches_opens_a_decision_and_sees_its_cards_feedback_chain_and_the_override_chart()
            throws IOException {
        String summary = cards.get(0).get("summary").asString();
        browser.get("http://127.0.0.1:" + port + "/audit");
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), summary));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(browser.findElement(By.tagName("body")).getText(), e);
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), summary));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chain-status"), "chain: intact"));
        screenshot("search");

        browser.findElement(By.cssSelector("#results tbody tr")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-cards"), summary));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-feedback"), "Benefit outweighs risk"));
        assertThat(browser.findElement(By.id("d-inputs")).getText()).contains("PREFETCH");
        assertThat(browser.findElement(By.id("d-rules")).getText()).contains("A04");
        assertThat(browser.findElement(By.id("d-summary")).getText()).contains("position");
        browser.findElement(By.id("replay")).click();
        wait.until(d -> !d.findElement(By.id("replay-result")).getText().isEmpty());
        screenshot("decision");

        browser.findElement(By.id("nav-stats")).click();
        WebElement line = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#override-chart polyline[data-rule='A05']")));
        assertThat(line.getAttribute("points")).isNotBlank();
        assertThat(browser.findElement(By.id("stats-table")).getText()).contains("A05").contains("100%")
                .contains("Benefit outweighs risk");
        screenshot("statistics");
    }
}
