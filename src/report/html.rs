//! `--format html`: one page for safeguarding leads (`templates/report.html`), from the same
//! findings as every other format. First what needs doing now (the children to refer today,
//! the drafts that cannot be submitted and why, the stale ones), then what goes wrong most (by
//! rule, section of the form, organisation type, nation and folder), then the year at a glance
//! beside the published 2023 statistics. It names drafts by reference and path only, and counts
//! only coded facts (`draft::Profile`), so it can be shared; messages quote values only under
//! `--show-values`, as everywhere.
//!
//! Memory stays flat: each draft is counted as it comes, and the long lists keep their first
//! entries and count the rest by folder; the page is written once, at the end.

use super::chart::{self, Bar, Pair};
use super::national::{Dimension, FIGURES};
use super::{Checked, Report, Summary};
use crate::check::{Located, Settings};
use crate::draft::Profile;
use crate::questions;
use crate::render::html::shown;
use crate::render::words::{capitalised, country, date, word};
use crate::rules::{self, Severity};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::sync::LazyLock;
use tera::{Context, Kwargs, State, Tera, Value};

/// Drafts listed one by one under "Cannot be submitted yet" and "Gone stale"; past these, the
/// page counts them by folder, so that a year's drafts still make a page a browser opens at once.
const LISTED_BLOCKED: usize = 500;
const LISTED_STALE: usize = 200;
/// Folders in the table of folders, those with the most drafts that cannot be submitted first.
const FOLDERS_SHOWN: usize = 25;
/// Where a draft has no such fact (it is missing, or not one of the format's codes).
const NOT_GIVEN: &str = "not given";
/// A finding about the file as a whole, or a member no question of the form asks.
const THE_FILE: &str = "The file itself";

static TEMPLATES: LazyLock<Tera> = LazyLock::new(|| {
    let mut tera = Tera::default();
    tera.register_filter("shown", shown);
    tera.register_filter("marked", marked);
    tera.register_filter("number", |n: u64, _: Kwargs, _: &State| number(n as usize));
    tera.add_raw_template("report.html", include_str!("../../templates/report.html"))
        .expect("templates/report.html is a valid template");
    tera
});

pub struct Html {
    today: chrono::NaiveDate,
    registry_version: String,
    show_values: bool,
    drafts: usize,
    urgent: Vec<Entry>,
    blocked: Listing,
    stale: Listing,
    /// Drafts with a finding of each rule.
    rules: BTreeMap<&'static str, usize>,
    /// Drafts with an error or warning in each section of the form, by title.
    sections: BTreeMap<&'static str, usize>,
    organisations: BTreeMap<&'static str, Group>,
    nations: BTreeMap<&'static str, Group>,
    folders: BTreeMap<String, Group>,
    /// Drafts that parsed, whose facts the year at a glance counts.
    profiled: usize,
    /// Drafts by dimension and code.
    year: BTreeMap<(&'static str, &'static str), usize>,
}

/// A draft in one of the lists at the top: named by its reference and path, never by a person.
#[derive(Serialize)]
struct Entry {
    reference: Option<String>,
    path: String,
    /// Its coded facts in words: "Child · England · Police".
    facts: String,
    /// What blocks it (its errors), or why it is listed.
    lines: Vec<Line>,
}

#[derive(Serialize)]
struct Line {
    line: usize,
    column: usize,
    rule: &'static str,
    message: String,
}

#[derive(Default)]
struct Listing {
    entries: Vec<Entry>,
    total: usize,
    /// Past the listed entries: how many more, by folder.
    more: BTreeMap<String, usize>,
}

/// Drafts of one organisation type, nation or folder.
#[derive(Default)]
struct Group {
    drafts: usize,
    blocked: usize,
    /// Drafts with an error or warning of each rule.
    rules: BTreeMap<&'static str, usize>,
}

impl Html {
    pub fn new(settings: &Settings) -> Self {
        Html {
            today: settings.today,
            registry_version: settings.registry.version.clone(),
            show_values: settings.show_values,
            drafts: 0,
            urgent: Vec::new(),
            blocked: Listing::default(),
            stale: Listing::default(),
            rules: BTreeMap::new(),
            sections: BTreeMap::new(),
            organisations: BTreeMap::new(),
            nations: BTreeMap::new(),
            folders: BTreeMap::new(),
            profiled: 0,
            year: BTreeMap::new(),
        }
    }
}

impl Listing {
    fn add(&mut self, entry: Entry, folder: &str, listed: usize) {
        self.total += 1;
        if self.entries.len() < listed {
            self.entries.push(entry);
        } else {
            *self.more.entry(folder.to_owned()).or_default() += 1;
        }
    }
}

impl Group {
    fn add(&mut self, blocked: bool, mistakes: &BTreeSet<&'static str>) {
        self.drafts += 1;
        self.blocked += usize::from(blocked);
        for rule in mistakes {
            *self.rules.entry(rule).or_default() += 1;
        }
    }
}

impl Report for Html {
    fn draft(&mut self, _: &mut dyn Write, checked: &Checked, _: &Settings) -> io::Result<()> {
        self.drafts += 1;
        let outcome = &checked.outcome;
        let findings = &outcome.findings;
        let errors: Vec<&Located> = findings.iter().filter(|f| f.finding.severity() == Severity::Error).collect();
        let blocked = !errors.is_empty();
        let folder = folder(&checked.path);
        // What went wrong: errors and warnings. Notices (a child to refer at once, a disputed
        // age) are not mistakes, and are not counted against anyone.
        let mistakes: Vec<&Located> = findings.iter().filter(|f| f.finding.severity() != Severity::Info).collect();
        let mistaken: BTreeSet<&'static str> = mistakes.iter().map(|f| f.finding.rule.id).collect();
        for rule in findings.iter().map(|f| f.finding.rule.id).collect::<BTreeSet<_>>() {
            *self.rules.entry(rule).or_default() += 1;
        }
        let sections: BTreeSet<&'static str> = mistakes
            .iter()
            .map(|f| questions::section_of(&f.finding.pointer).map_or(THE_FILE, |section| section.title.as_str()))
            .collect();
        for section in sections {
            *self.sections.entry(section).or_default() += 1;
        }
        let profile = outcome.profile.as_ref();
        let organisation = profile.and_then(|p| p.organisation).unwrap_or(NOT_GIVEN);
        let nation = profile.and_then(|p| p.nation).unwrap_or(NOT_GIVEN);
        self.organisations.entry(organisation).or_default().add(blocked, &mistaken);
        self.nations.entry(nation).or_default().add(blocked, &mistaken);
        self.folders.entry(folder.clone()).or_default().add(blocked, &mistaken);
        if let Some(profile) = profile {
            self.profiled += 1;
            for dimension in &FIGURES.dimensions {
                let codes = codes(profile, &dimension.id);
                let id = dimension.id.as_str();
                if codes.is_empty() {
                    *self.year.entry((id, NOT_GIVEN)).or_default() += 1;
                }
                for code in codes {
                    *self.year.entry((id, code)).or_default() += 1;
                }
            }
        }
        let entry = |lines: Vec<&Located>| Entry {
            reference: outcome.reference.clone(),
            path: checked.path.clone(),
            facts: facts(profile),
            lines: lines.into_iter().map(line).collect(),
        };
        if findings.iter().any(|f| f.finding.rule.id == rules::urgency::URG001.id) {
            // Every one, with what blocks it: these are the children to refer today.
            self.urgent.push(entry(errors.clone()));
        }
        if blocked {
            self.blocked.add(entry(errors), &folder, LISTED_BLOCKED);
        }
        let stale: Vec<&Located> = findings.iter().filter(|f| f.finding.rule.id == rules::dates::DAT004.id).collect();
        if !stale.is_empty() {
            self.stale.add(entry(stale), &folder, LISTED_STALE);
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, _: &Settings) -> io::Result<()> {
        let page = self.page(summary);
        let context = Context::from_serialize(&page).map_err(io::Error::other)?;
        let html = TEMPLATES.render("report.html", &context).map_err(io::Error::other)?;
        out.write_all(html.as_bytes())
    }
}

/// The page's figures, as the template shows them.
#[derive(Serialize)]
struct Page<'a> {
    today: String,
    version: &'static str,
    registry_version: &'a str,
    show_values: bool,
    summary: &'a Summary,
    /// Those that cannot be submitted yet first: they need the most done today.
    urgent: Vec<&'a Entry>,
    urgent_blocked: usize,
    blocked: usize,
    stale: usize,
    /// The drafts that cannot be submitted, then the stale ones.
    lists: [ListingView<'a>; 2],
    ready: usize,
    rules: Vec<RuleRow>,
    rules_chart: String,
    sections: Vec<Count>,
    sections_chart: String,
    /// By organisation type, by nation, by folder.
    groups: [GroupTable; 3],
    profiled: usize,
    /// Drafts that could not be read, so have no facts to count.
    unread: usize,
    year: Vec<YearPart>,
    national_title: &'static str,
    licence: &'static str,
    sources: Vec<&'static str>,
}

#[derive(Serialize)]
struct RuleRow {
    id: &'static str,
    severity: &'static str,
    summary: &'static str,
    why: &'static str,
    source: &'static str,
    fails: &'static str,
    passes: &'static str,
    drafts: usize,
}

#[derive(Serialize)]
struct Count {
    label: String,
    drafts: usize,
}

#[derive(Serialize)]
struct GroupTable {
    heading: &'static str,
    caption: String,
    /// Rows name folders (paths), not the tool's own words.
    paths: bool,
    rows: Vec<GroupRow>,
}

#[derive(Serialize)]
struct GroupRow {
    label: String,
    drafts: usize,
    blocked: usize,
    /// Of the group's drafts, the share that cannot be submitted.
    share: String,
    /// The rules most often broken, with their counts of drafts.
    top: Vec<RuleCount>,
}

#[derive(Serialize)]
struct RuleCount {
    rule: &'static str,
    drafts: usize,
}

/// A list at the top as the page shows it, in the tool's words.
#[derive(Serialize)]
struct ListingView<'a> {
    id: &'static str,
    heading: String,
    /// What the drafts have in common, or, for none, that there are none.
    intro: &'static str,
    empty: &'static str,
    caption: String,
    /// The heading of the column of findings.
    column: &'static str,
    entries: &'a [Entry],
    total: usize,
    /// How many more in each folder, most first.
    more: Vec<Count>,
    more_caption: String,
}

/// The words of one list at the top.
struct Words {
    id: &'static str,
    /// "Cannot be submitted yet: 3 drafts", from "Cannot be submitted yet".
    heading: &'static str,
    rule: &'static str,
    intro: &'static str,
    empty: &'static str,
    caption: &'static str,
    column: &'static str,
    more: &'static str,
}

impl Listing {
    fn view(&self, words: Words) -> ListingView<'_> {
        let mut more: Vec<Count> =
            self.more.iter().map(|(folder, drafts)| Count { label: folder.clone(), drafts: *drafts }).collect();
        more.sort_by_key(|c| std::cmp::Reverse(c.drafts));
        let plural = if self.total == 1 { "" } else { "s" };
        let listed =
            if more.is_empty() { String::new() } else { format!(": the first {}", number(self.entries.len())) };
        ListingView {
            id: words.id,
            heading: format!("{}: {} draft{plural}{}", words.heading, number(self.total), words.rule),
            intro: words.intro,
            empty: words.empty,
            caption: format!("{}{listed}", words.caption),
            column: words.column,
            entries: &self.entries,
            total: self.total,
            more_caption: format!("And {} more, by folder{}", number(self.total - self.entries.len()), words.more),
            more,
        }
    }
}

#[derive(Serialize)]
struct YearPart {
    id: String,
    title: String,
    note: String,
    source: Option<String>,
    rows: Vec<YearRow>,
    chart: String,
}

#[derive(Serialize)]
struct YearRow {
    label: String,
    drafts: usize,
    share: String,
    national: String,
}

impl Html {
    fn page<'a>(&'a self, summary: &'a Summary) -> Page<'a> {
        let mut rules: Vec<RuleRow> = self
            .rules
            .iter()
            .filter_map(|(id, drafts)| {
                let rule = rules::find(id)?;
                Some(RuleRow {
                    id: rule.id,
                    severity: rule.severity.as_str(),
                    summary: rule.summary,
                    why: rule.why,
                    source: rule.cited(),
                    fails: rule.fails,
                    passes: rule.passes,
                    drafts: *drafts,
                })
            })
            .collect();
        // Most drafts first; errors before warnings before notices among equals.
        rules.sort_by_key(|r| (std::cmp::Reverse(r.drafts), severity_rank(r.severity), r.id));
        let mistakes: Vec<&RuleRow> = rules.iter().filter(|r| r.severity != Severity::Info.as_str()).collect();
        let rules_chart = chart::bars(
            "chart-rules",
            "Drafts with each error or warning",
            &mistakes
                .iter()
                .take(15)
                .map(|r| Bar { label: r.id.to_owned(), value: r.drafts as u64 })
                .collect::<Vec<_>>(),
        );
        // Sections in the order of the form.
        let mut titles: Vec<&'static str> = Vec::new();
        for (section, _) in questions::all() {
            if !titles.contains(&section.title.as_str()) {
                titles.push(&section.title);
            }
        }
        titles.push(THE_FILE);
        let sections: Vec<Count> = titles
            .iter()
            .filter_map(|title| Some(Count { label: (*title).to_owned(), drafts: *self.sections.get(title)? }))
            .collect();
        let sections_chart = chart::bars(
            "chart-sections",
            "Drafts with an error or warning in each section of the form",
            &sections.iter().map(|s| Bar { label: s.label.clone(), value: s.drafts as u64 }).collect::<Vec<_>>(),
        );
        let mut urgent: Vec<&Entry> = self.urgent.iter().collect();
        urgent.sort_by_key(|entry| entry.lines.is_empty());
        let mut folders: Vec<GroupRow> =
            self.folders.iter().map(|(folder, group)| group_row(folder.clone(), group)).collect();
        folders.sort_by_key(|f| (std::cmp::Reverse(f.blocked), std::cmp::Reverse(f.drafts)));
        let folders_total = folders.len();
        folders.truncate(FOLDERS_SHOWN);
        Page {
            today: date(self.today),
            version: env!("CARGO_PKG_VERSION"),
            registry_version: &self.registry_version,
            show_values: self.show_values,
            summary,
            urgent,
            urgent_blocked: self.urgent.iter().filter(|e| !e.lines.is_empty()).count(),
            lists: [
                self.blocked.view(Words {
                    id: "blocked",
                    heading: "Cannot be submitted yet",
                    rule: "",
                    intro: "Each has at least one error: what the Single Competent Authority needs is missing or wrong. What blocks each one, with the line and column in its file:",
                    empty: "Every draft can be submitted: none has an error.",
                    caption: "Drafts with errors",
                    column: "What blocks it",
                    more: " (`nrm check FOLDER` lists each one)",
                }),
                self.stale.view(Words {
                    id: "stale",
                    heading: "Gone stale",
                    rule: " (DAT004)",
                    intro: "Prepared more than 30 days ago: check every detail with the person's situation today, then update `prepared_on`.",
                    empty: "No draft is over 30 days old.",
                    caption: "Stale drafts",
                    column: "Prepared",
                    more: "",
                }),
            ],
            blocked: self.blocked.total,
            stale: self.stale.total,
            ready: self.drafts - self.blocked.total,
            rules_chart,
            rules,
            sections_chart,
            sections,
            groups: [
                GroupTable {
                    heading: "Type of organisation",
                    caption: "By type of organisation".to_owned(),
                    paths: false,
                    rows: groups(&self.organisations, |code| word("organisation", code)),
                },
                GroupTable {
                    heading: "Nation",
                    caption: "By nation".to_owned(),
                    paths: false,
                    rows: groups(&self.nations, |code| word("nation", code)),
                },
                GroupTable {
                    heading: "Folder",
                    caption: if folders_total > folders.len() {
                        format!(
                            "By folder: the {} of {folders_total} with the most drafts that cannot be submitted",
                            folders.len()
                        )
                    } else {
                        "By folder".to_owned()
                    },
                    paths: true,
                    rows: folders,
                },
            ],
            profiled: self.profiled,
            unread: self.drafts - self.profiled,
            year: FIGURES.dimensions.iter().map(|d| self.year_part(d)).collect(),
            national_title: &FIGURES.title,
            licence: &FIGURES.licence,
            sources: FIGURES.sources.values().map(String::as_str).collect(),
        }
    }

    /// One dimension of the year: each category's drafts and share, beside the nation's.
    fn year_part(&self, dimension: &'static Dimension) -> YearPart {
        let id = dimension.id.as_str();
        let counted = |code: &'static str| self.year.get(&(id, code)).copied().unwrap_or(0);
        let share = |drafts: usize| if self.profiled == 0 { 0.0 } else { drafts as f64 * 100.0 / self.profiled as f64 };
        // Each published category; for an open list (nationality), the batch's most common.
        const UNPUBLISHED: &str = "not published";
        let pair = |label: String, drafts: usize, national: Option<f64>, otherwise: &'static str| {
            (Pair { label, batch: share(drafts), national, otherwise }, drafts)
        };
        let categories: Vec<(Pair, usize)> = match dimension.top {
            None => dimension
                .categories
                .iter()
                .map(|category| {
                    let label = category.label.clone().unwrap_or_else(|| {
                        category.codes.iter().map(|code| label(id, code)).collect::<Vec<_>>().join(" or ")
                    });
                    let drafts = category.codes.iter().map(|code| counted(code)).sum();
                    pair(label, drafts, dimension.share(category), UNPUBLISHED)
                })
                .collect(),
            Some(top) => {
                let mut common: Vec<(&str, usize)> = self
                    .year
                    .range((id, "")..)
                    .take_while(|((dim, _), _)| *dim == id)
                    .filter(|((_, code), _)| *code != NOT_GIVEN)
                    .map(|((_, code), drafts)| (*code, *drafts))
                    .collect();
                common.sort_by_key(|(code, drafts)| (std::cmp::Reverse(*drafts), *code));
                let rest: usize = common.iter().skip(top).map(|(_, drafts)| drafts).sum();
                let others = dimension.others.as_deref().unwrap_or(UNPUBLISHED);
                let mut rows: Vec<(Pair, usize)> = common
                    .iter()
                    .take(top)
                    .map(|(code, drafts)| {
                        let national = dimension.category(code).and_then(|c| dimension.share(c));
                        pair(label(id, code), *drafts, national, others)
                    })
                    .collect();
                if rest > 0 {
                    rows.push(pair(format!("All other {}", dimension.plural), rest, None, UNPUBLISHED));
                }
                rows
            }
        };
        let not_given = counted(NOT_GIVEN);
        let mut rows: Vec<YearRow> = categories
            .iter()
            .map(|(pair, drafts)| YearRow {
                label: pair.label.clone(),
                drafts: *drafts,
                share: chart::percent(pair.batch),
                national: pair.national.map_or_else(|| pair.otherwise.to_owned(), chart::percent),
            })
            .collect();
        if not_given > 0 {
            rows.push(YearRow {
                label: "Not given, or not valid".to_owned(),
                drafts: not_given,
                share: chart::percent(share(not_given)),
                national: UNPUBLISHED.to_owned(),
            });
        }
        let pairs: Vec<Pair> = categories.into_iter().map(|(pair, _)| pair).collect();
        YearPart {
            id: dimension.id.clone(),
            title: dimension.title.clone(),
            note: dimension.note.clone(),
            source: dimension.source.as_ref().and_then(|s| FIGURES.sources.get(s)).cloned(),
            chart: chart::pairs(
                &format!("chart-{id}"),
                &format!("{}: these drafts and the UK in 2023", dimension.title),
                &pairs,
            ),
            rows,
        }
    }
}

/// The codes a profile holds for a dimension.
fn codes(profile: &Profile, dimension: &str) -> Vec<&'static str> {
    match dimension {
        "types" => profile.types.clone(),
        "age_group" => profile.age_group.into_iter().collect(),
        "gender" => profile.gender.into_iter().collect(),
        "nationality" => profile.nationality.into_iter().collect(),
        "nation" => profile.nation.into_iter().collect(),
        "route" => profile.route.into_iter().collect(),
        "organisation" => profile.organisation.into_iter().collect(),
        _ => Vec::new(),
    }
}

/// A code of a dimension in words.
fn label(dimension: &str, code: &str) -> String {
    match dimension {
        "nationality" => country(code),
        "types" => capitalised(&word("type", code)),
        "age_group" => word("age_group", code),
        list => word(list, code),
    }
}

/// A draft's facts in words, for the lists at the top.
fn facts(profile: Option<&Profile>) -> String {
    let Some(profile) = profile else { return "not readable".to_owned() };
    let facts: Vec<String> = [
        profile.age_group.map(|code| word("age_group", code)),
        profile.nation.map(|code| word("nation", code)),
        profile.organisation.map(|code| word("organisation", code)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if facts.is_empty() { NOT_GIVEN.to_owned() } else { facts.join(" · ") }
}

fn line(located: &Located) -> Line {
    Line {
        line: located.position.line,
        column: located.position.column,
        rule: located.finding.rule.id,
        message: located.finding.message.clone(),
    }
}

/// The folder a draft was found in, as the path names it.
fn folder(path: &str) -> String {
    match std::path::Path::new(path).parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.display().to_string(),
        _ => ".".to_owned(),
    }
}

fn groups(groups: &BTreeMap<&'static str, Group>, words: impl Fn(&str) -> String) -> Vec<GroupRow> {
    let mut rows: Vec<GroupRow> = groups
        .iter()
        .map(|(code, group)| group_row(if *code == NOT_GIVEN { "Not given".to_owned() } else { words(code) }, group))
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.drafts));
    rows
}

fn group_row(label: String, group: &Group) -> GroupRow {
    let mut top: Vec<RuleCount> =
        group.rules.iter().map(|(rule, drafts)| RuleCount { rule, drafts: *drafts }).collect();
    top.sort_by_key(|r| (std::cmp::Reverse(r.drafts), r.rule));
    top.truncate(3);
    GroupRow {
        label,
        drafts: group.drafts,
        blocked: group.blocked,
        share: chart::percent(group.blocked as f64 * 100.0 / group.drafts.max(1) as f64),
        top,
    }
}

/// "17,004": a count as the page prints it.
fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

fn severity_rank(severity: &str) -> u8 {
    match severity {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    }
}

/// A rule's or finding's text, with its `code` spans marked as code; every part escaped and
/// shown as `shown` shows values (a message may quote one under `--show-values`).
fn marked(text: &str, _: Kwargs, _: &State) -> Value {
    let mut html = String::with_capacity(text.len() + 16);
    for (index, part) in text.split('`').enumerate() {
        if index % 2 == 1 {
            html.push_str("<code>");
            html.push_str(&crate::render::html::shown_html(part));
            html.push_str("</code>");
        } else if !part.is_empty() {
            html.push_str(&crate::render::html::shown_html(part));
        }
    }
    Value::safe_string(&html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_in_thousands() {
        let shown: Vec<String> = [0, 999, 1000, 17004, 1234567].into_iter().map(number).collect();
        assert_eq!(shown, ["0", "999", "1,000", "17,004", "1,234,567"]);
    }

    #[test]
    fn a_folder_is_the_path_without_its_file() {
        assert_eq!(folder("drafts/2023Q1/police/MPS-1.json"), "drafts/2023Q1/police");
        assert_eq!(folder("MPS-1.json"), ".");
        assert_eq!(folder("-"), ".");
    }
}
