package dev.takedown.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** Pages switch between English and Chinese from the navigation, remember the choice, and show the viewer's time. */
class LanguageBrowserIT extends BrowserTest {

    @Test
    void switchingToChineseShowsChineseLabelsEverywhere() {
        try (BrowserContext context = context("Asia/Shanghai")) {
            Page page = page(context);
            page.navigate(baseUrl() + "/login");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("中文"))
                    .click();
            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")))
                    .isVisible();
            assertThat(page.getByText("用户名")).isVisible();
            screenshot(page, "language-login-zh.png");

            page.locator("[name=username]").fill("rightsholder-a");
            page.locator("[name=password]").fill("demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                    .click();
            // the choice is remembered after signing in
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("我的通知")))
                    .isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("投诉举报")))
                    .isVisible();
            assertThat(page.locator("footer")).containsText("Asia/Shanghai");
            screenshot(page, "language-notices-zh.png");

            page.navigate(baseUrl() + "/notices/new");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交通知")))
                    .isVisible();
            assertThat(page.getByText("身份证件号码")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交通知"))
                    .click();
            // problems in Chinese, next to their fields
            assertThat(problemAt(page, "identityNumber")).containsText("身份证件号码");
            screenshot(page, "language-wizard-zh.png");

            page.navigate(baseUrl() + "/complaints");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("举报违法或侵权内容")))
                    .isVisible();
            assertThat(page.locator("#response-times")).containsText("24 小时");
            screenshot(page, "language-complaints-zh.png");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English"))
                    .click();
            assertThat(page.getByRole(
                            AriaRole.HEADING,
                            new Page.GetByRoleOptions().setName("Report illegal or infringing content")))
                    .isVisible();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
        }
    }
}
