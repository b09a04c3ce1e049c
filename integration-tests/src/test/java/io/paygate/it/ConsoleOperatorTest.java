package io.paygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web console as the operator uses it, in a real browser against a real gateway: the audit
 * log, a merchant, the acquirers. Screenshots of each page go to target/screenshots/.
 */
class ConsoleOperatorTest extends ConsoleTestBase {
  @Test void theOperatorReadsTheAuditLogAMerchantAndTheAcquirers() {
    String login = gateway.createMerchant();
    String merchantId = merchantIdOf(login);
    signInOperator();

    browser.go("#/operator/audit");
    browser.waitForHeading("Audit log");
    browser.type("#f-event", "merchant.created");
    browser.find("#audit-filters button[type=submit]").click();
    browser.waitFor(d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("tbody tr"));
      return !rows.isEmpty() && rows.stream().allMatch(r -> "merchant.created".equals(
          r.getAttribute("data-event"))) ? rows : null;
    });
    browser.screenshot("08-operator-audit");

    WebElement merchantLink = browser.find("tbody a[href='#/operator/merchants/" + merchantId + "']");
    merchantLink.click();
    browser.waitFor(ExpectedConditions.textToBe(By.id("merchant-id"), merchantId));
    assertThat(browser.find("main").getText()).contains("Latest activity", "merchant.created");
    browser.screenshot("09-operator-merchant");

    browser.go("#/operator/acquirers");
    browser.waitForHeading("Acquirers");
    WebElement piggy = browser.find("tr[data-acquirer='PiggyBank']");
    assertThat(piggy.getText()).contains("PiggyBank", "UP");
    browser.screenshot("10-operator-acquirers");
  }
}
