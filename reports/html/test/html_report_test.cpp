#include <gtest/gtest.h>

#include <regex>

#include "synthetic.hpp"
#include "wsc/report/html_report.hpp"

namespace wsc::report::html {

namespace {

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

std::string hostile_page() {
    testing::synthetic_options o;
    o.hostile = true;
    o.hostile_ids = true;
    options h;
    h.title = "report for <script>alert(1)</script>";
    return render(testing::synthetic_results(o), h);
}

}  // namespace

TEST(HtmlEscape, TextAndAttributeContexts) {
    EXPECT_EQ(escape("<a href=\"x\" onclick='y'>&</a>"), "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    EXPECT_EQ(escape("ok \xFF"), "ok \xEF\xBF\xBD");
    EXPECT_EQ(escape(std::string("nul\0", 4)), "nul\xEF\xBF\xBD");
}

TEST(HtmlEscape, ScriptJsonCannotEndTheScriptElement) {
    const nlohmann::json j = {{"a", "</script><script>alert(1)</script>"},
                              {"b", "\xE2\x80\xA8\xE2\x80\xA9"},
                              {"c", "<!-- & -->"},
                              {"d", std::string("bad \xFF\xC0")}};
    const std::string s = script_json(j);
    EXPECT_EQ(s.find('<'), std::string::npos);
    EXPECT_EQ(s.find('>'), std::string::npos);
    EXPECT_EQ(s.find('&'), std::string::npos);
    EXPECT_NE(s.find("\\u2028"), std::string::npos);
    for (unsigned char c : s) EXPECT_LT(c, 0x80) << "ASCII only";
    // Still the same data.
    const auto back = nlohmann::json::parse(s);
    EXPECT_EQ(back["a"], j["a"]);
    EXPECT_EQ(back["b"], j["b"]);
    EXPECT_EQ(back["d"], "bad \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(HtmlReport, HostileStringsNeverReachThePageRaw) {
    const std::string page = hostile_page();
    for (const auto& h : testing::hostile_strings()) {
        if (h.find('<') != std::string::npos || h.find('"') != std::string::npos) {
            EXPECT_EQ(page.find(h), std::string::npos) << h;
        }
    }
    EXPECT_EQ(count(page, "<script"), 3u) << "the guard, the data and the page script, nothing else";
    EXPECT_EQ(count(page, "</script>"), 3u);
    EXPECT_EQ(page.find("<img"), std::string::npos);
    EXPECT_EQ(page.find("\xE2\x80\xA8"), std::string::npos);
    EXPECT_EQ(page.find('\xFF'), std::string::npos);
    EXPECT_EQ(page.find("<!--"), std::string::npos);
    // Escaped forms are there, so the strings are shown, not dropped.
    EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(page.find("&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
}

TEST(HtmlReport, SelfContainedWithNoFetches) {
    const std::string page = render(testing::synthetic_results());
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_EQ(page.find("<link"), std::string::npos);
    EXPECT_EQ(page.find(" src="), std::string::npos);
    EXPECT_EQ(page.find("@import"), std::string::npos);
    EXPECT_EQ(page.find("url("), std::string::npos);
    EXPECT_EQ(page.find("fetch("), std::string::npos);
    EXPECT_EQ(page.find("XMLHttpRequest"), std::string::npos);
    // Every http(s) reference is a link to the RFC text.
    const std::regex url("https?://[^\"' <)]*");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), url); it != std::sregex_iterator(); ++it)
        EXPECT_EQ(it->str().rfind("https://www.rfc-editor.org/rfc/rfc", 0), 0u) << it->str();
}

TEST(HtmlReport, MatrixSummaryFiltersAndDetails) {
    const auto results = testing::synthetic_results();
    const std::string page = render(results);
    const auto ids = testing::synthetic_ids();
    EXPECT_EQ(count(page, "<tr class=\"case\""), ids.size());
    EXPECT_EQ(count(page, "class=\"agent-sum\""), 2u);
    EXPECT_EQ(count(page, "<tr class=\"sec\">"), 12u) << "one per section, 0 through 13";
    for (const char* f : {"all", "pass", "nonstrict", "fail", "info", "unimpl", "missing", "closebad", "policyfail"})
        EXPECT_NE(page.find(std::string("data-f=\"") + f + "\""), std::string::npos) << f;
    EXPECT_EQ(page.find("data-f=\"changed\""), std::string::npos) << "only with a comparison";
    EXPECT_NE(page.find("id=\"f-sec\""), std::string::npos);
    EXPECT_NE(page.find("id=\"f-q\""), std::string::npos);
    EXPECT_NE(page.find("<option value=\"6\">6 UTF-8 Handling</option>"), std::string::npos);
    EXPECT_NE(page.find("href=\"#d=0/6.4.3\""), std::string::npos);
    EXPECT_NE(page.find("https://www.rfc-editor.org/rfc/rfc6455#section-8.1"), std::string::npos);
    EXPECT_NE(page.find("class=\"v missing\""), std::string::npos);
    EXPECT_NE(page.find("class=\"v unimpl\""), std::string::npos);
    // Details ride along as data: the re-run command, the wire log.
    EXPECT_NE(page.find("wsconform client 'ws://127.0.0.1:9001/chat?x=1' --cases 6.4.3 --agent ExampleServer/1.0"),
              std::string::npos);
    EXPECT_NE(page.find("\"SKIP\""), std::string::npos) << "long wire logs are cut";
}

TEST(HtmlReport, CatalogueLookupFillsTextsAndSections) {
    testing::synthetic_options o;
    auto results = testing::synthetic_results(o);
    for (auto& [agent, cases] : results)
        for (auto& [id, r] : cases) r.description.clear();
    options h;
    h.lookup = [](const std::string& id) -> std::optional<case_info> {
        if (id != "7.9.1") return std::nullopt;
        return case_info{"A close with code 0.", "The peer fails the connection.", "rfc6455", "7.4.2", "Invalid codes"};
    };
    h.case_ids = {"7.9.1", "99.1"};
    const std::string page = render(results, h);
    EXPECT_NE(page.find("A close with code 0."), std::string::npos);
    EXPECT_NE(page.find("#section-7.4.2"), std::string::npos);
    EXPECT_NE(page.find("7.9 Invalid codes"), std::string::npos);
    EXPECT_NE(page.find("</a> 99.1</td>"), std::string::npos) << "selected but not run: a Missing row";
}

TEST(HtmlReport, RerunCommandsForBothRoles) {
    case_result r;
    r.id = "5.19";
    r.agent = "My Server";
    r.http_request = "GET /ws HTTP/1.1\r\nhost: example.test:8080\r\n\r\n";
    EXPECT_EQ(rerun_command(r), "wsconform client ws://example.test:8080/ws --cases 5.19 --agent 'My Server'");
    r.close.is_server = true;
    r.agent = "evil\nrm -rf /";
    r.http_request = "GET /runCase?case=1&agent=x HTTP/1.1\r\nHost: 127.0.0.1:9009\r\n\r\n";
    const std::string cmd = rerun_command(r);
    EXPECT_EQ(cmd.rfind("wsconform server --port 9009 --cases 5.19", 0), 0u) << cmd;
    EXPECT_EQ(cmd.find('\n'), std::string::npos);
}

TEST(HtmlReport, WritesIndexHtml) {
    const auto dir = std::filesystem::temp_directory_path() / "wsc-html-write-test";
    std::filesystem::remove_all(dir);
    write(dir, testing::synthetic_results());
    EXPECT_TRUE(std::filesystem::exists(dir / "index.html"));
    EXPECT_FALSE(std::filesystem::exists(dir / "index.html.tmp"));
    std::filesystem::remove_all(dir);
}

}  // namespace wsc::report::html

namespace wsc::report::html {

namespace {

// The data-cats of the matrix row for `id`.
std::string cats_of(const std::string& page, const std::string& id) {
    const std::string anchor = "</a> " + id + "</td>";
    const auto at = page.find(anchor);
    if (at == std::string::npos) return "(no row)";
    const auto row = page.rfind("<tr class=\"case\" data-cats=\"", at);
    const auto from = row + std::string("<tr class=\"case\" data-cats=\"").size();
    return page.substr(from, page.find('"', from) - from);
}

bool has_cat(const std::string& cats, const std::string& c) {
    return (" " + cats + " ").find(" " + c + " ") != std::string::npos;
}

}  // namespace

TEST(HtmlReport, EveryVerdictThatIsNotOkIsExplainedOrMarked) {
    result_set results;
    const auto add = [&](const std::string& id, const char* b, const char* bc) {
        case_result r = testing::synthetic_result("peer", id, 0, {});
        r.behavior = b;
        r.behavior_close = bc;
        results["peer"][id] = r;
    };
    add("1.1.1", behavior::ok, behavior::ok);
    add("6.4.3", behavior::non_strict, behavior::ok);         // passes the policy: its meaning is given
    add("7.9.1", behavior::failed, behavior::wrong_code);     // accepted with a reason
    add("7.9.2", behavior::failed, behavior::wrong_code);     // accepted, reason still TODO
    add("7.9.3", behavior::failed, behavior::failed);         // worse than accepted
    add("7.9.4", behavior::failed, behavior::ok);             // no entry
    baseline b;
    b.agents["peer"]["7.9.1"] = {behavior::failed, behavior::wrong_code,
                                 "closes with 1002 <b>\"here\"</b> (RFC 6455 \xC2\xA7" "7.4.1)"};
    b.agents["peer"]["7.9.2"] = {behavior::failed, behavior::wrong_code, baseline_todo_reason};
    b.agents["peer"]["7.9.3"] = {behavior::failed, behavior::wrong_code, "was only the close code"};
    options h;
    h.accepted = &b;
    const std::string page = render(results, h);

    EXPECT_FALSE(has_cat(cats_of(page, "1.1.1"), "unexplained"));
    EXPECT_FALSE(has_cat(cats_of(page, "6.4.3"), "unexplained"));
    EXPECT_TRUE(has_cat(cats_of(page, "7.9.1"), "accepted"));
    EXPECT_FALSE(has_cat(cats_of(page, "7.9.1"), "unexplained"));
    for (const char* id : {"7.9.2", "7.9.3", "7.9.4"}) {
        EXPECT_TRUE(has_cat(cats_of(page, id), "unexplained")) << id;
        EXPECT_FALSE(has_cat(cats_of(page, id), "accepted")) << id;
    }
    EXPECT_NE(page.find("data-f=\"accepted\">Accepted by baseline <b>1</b>"), std::string::npos);
    EXPECT_NE(page.find("data-f=\"unexplained\">Unexplained <b>3</b>"), std::string::npos);
    EXPECT_NE(page.find("1 accepted by the baseline"), std::string::npos);
    // The reason is on the cell (escaped) and in the case's data (as JSON escapes).
    EXPECT_NE(page.find("title=\"closes with 1002 &lt;b&gt;&quot;here&quot;&lt;/b&gt;"), std::string::npos);
    EXPECT_EQ(page.find("<b>\"here\""), std::string::npos);
    EXPECT_NE(page.find("\"why\":{\"acc\":\"FAILED / WRONG CODE\",\"reason\":\"closes with 1002 \\u003cb\\u003e"),
              std::string::npos);
    for (const char* state : {"\"s\":\"todo\"", "\"s\":\"worse\"", "\"s\":\"unaccepted\"", "\"s\":\"policy\""})
        EXPECT_NE(page.find(state), std::string::npos) << state;
    EXPECT_NE(page.find("Non-Strict: the peer reacted as the RFC allows"), std::string::npos);
    EXPECT_EQ(count(page, "\"why\":"), 5u) << "every result but the OK / OK one";

    // Without a baseline every failure is unexplained and there is no "accepted" chip.
    const std::string plain = render(results);
    EXPECT_EQ(plain.find("data-f=\"accepted\""), std::string::npos);
    EXPECT_NE(plain.find("data-f=\"unexplained\">Unexplained <b>4</b>"), std::string::npos);
}

}  // namespace wsc::report::html

namespace wsc::report::html {

TEST(HtmlReport, ComparisonPutsVerdictChangesBeforeOneSidedCases) {
    // Ours ran sections 1 and 2; the other set (an Autobahn import, say) also has 5.x.
    result_set before, after;
    for (const char* id : {"1.1.1", "2.1", "2.2", "5.1"}) {
        before["UnknownServer"][id] = testing::synthetic_result("UnknownServer", id, 0, {});
        before["UnknownServer"][id].behavior = behavior::ok;
        before["UnknownServer"][id].behavior_close = behavior::ok;
    }
    for (const char* id : {"1.1.1", "2.1", "2.2"}) {
        after["mine"][id] = testing::synthetic_result("mine", id, 0, {});
        after["mine"][id].behavior = behavior::ok;
        after["mine"][id].behavior_close = behavior::ok;
    }
    after["mine"]["2.1"].behavior = behavior::failed;
    const run_diff d = diff_runs(before, after, "autobahn", "this run");
    options h;
    h.comparison = &d;
    const std::string page = render(after, h);
    EXPECT_NE(page.find("3 cases compared; 1 changed verdict (1 worse, 0 better); 1 only in autobahn, 0 only in "
                        "this run."),
              std::string::npos);
    const auto changed = page.find("id=\"cmp-changed\""), folded = page.find("<details><summary>1 cases with a");
    ASSERT_NE(changed, std::string::npos);
    ASSERT_NE(folded, std::string::npos);
    EXPECT_LT(changed, folded);
    EXPECT_NE(page.find("<tr class=\"worse\"><td>mine</td><td>2.1</td><td>OK / OK</td><td>FAILED / OK</td>", changed),
              std::string::npos);
    EXPECT_NE(page.find("<tr class=\"one-side\"><td>mine</td><td>5.1</td><td>OK / OK</td><td>no result</td>", folded),
              std::string::npos);
    // The "Changed" filter counts verdict changes only.
    EXPECT_NE(page.find("data-f=\"changed\">Changed <b>1</b>"), std::string::npos);
}

}  // namespace wsc::report::html
