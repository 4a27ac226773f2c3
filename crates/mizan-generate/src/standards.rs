//! Standards: instruments with provisions and elements, written in the
//! documented YAML.

use crate::GenerateOptions;
use crate::rng::{Rng, derive};
use crate::sentences::en_sentence;
use crate::sink::q;
use crate::types::Date;
use crate::vocab::{EN_MOD, EN_OBJ, EN_VERB};

pub(crate) const THEMES: [&str; 6] = [
    "definition",
    "criminalization",
    "protection",
    "prevention",
    "cooperation",
    "procedure",
];
pub(crate) const OBLIGATIONS: [&str; 5] =
    ["mandatory", "qualified", "consider", "endeavour", "soft"];

pub(crate) const INSTRUMENT_TOPICS: &[(&str, &str)] = &[
    (
        "the Protection of Migrant Workers",
        "حماية العمال المهاجرين",
    ),
    ("Forced Labour", "العمل الجبري"),
    ("Trafficking in Persons", "الاتجار بالأشخاص"),
    ("Domestic Work", "العمل المنزلي"),
    ("Private Employment Agencies", "وكالات الاستخدام الخاصة"),
    ("the Worst Forms of Child Labour", "أسوأ أشكال عمل الأطفال"),
    ("Smuggling of Migrants", "تهريب المهاجرين"),
    ("the Protection of Wages", "حماية الأجور"),
    ("Labour Inspection", "تفتيش العمل"),
    (
        "Transnational Organized Crime",
        "الجريمة المنظمة عبر الوطنية",
    ),
    ("the Abolition of Forced Labour", "إلغاء العمل الجبري"),
    ("Business and Human Rights", "الأعمال التجارية وحقوق الإنسان"),
];

pub(crate) const PROVISION_TITLES: &[&str] = &[
    "Definition of trafficking in persons",
    "Criminalization of forced labour",
    "Protection of wages",
    "Prohibition of recruitment fees",
    "Retention of identity documents",
    "Access to remedies",
    "Compensation of victims",
    "Labour inspection",
    "Assistance to victims",
    "Non-punishment of victims",
    "Safe repatriation",
    "Regulation of recruitment agencies",
    "Hours of work and rest",
    "Written employment contracts",
    "Minimum age",
    "Shelter and housing",
    "Exchange of information",
    "Border measures",
    "Training of officials",
    "Protection of privacy",
    "Weekly rest day",
    "Complaint mechanisms",
    "Freedom to change employer",
    "Penalties proportionate to the offence",
];

pub(crate) const ELEMENT_IDS: &[&str] = &[
    "act",
    "means",
    "purpose",
    "penalty",
    "scope",
    "remedy",
    "notice",
    "consent",
    "fees",
    "documents",
    "wages",
    "inspection",
    "shelter",
    "information",
    "access",
    "age",
    "records",
    "contract",
];

pub(crate) const KEYWORDS: &[&str] = &[
    "trafficking",
    "recruitment",
    "wage",
    "passport",
    "coercion",
    "deception",
    "exploitation",
    "forced labour",
    "servitude",
    "slavery",
    "shelter",
    "compensation",
    "inspection",
    "contract",
    "recruitment fee",
    "child",
    "victim",
    "smuggling",
    "residence",
    "sponsor",
    "domestic worker",
    "confiscation",
    "penalty",
    "fine",
    "imprisonment",
    "complaint",
    "licence",
    "travel documents",
    "overtime",
    "gratuity",
];

pub(crate) struct Element {
    pub(crate) id: &'static str,
    pub(crate) keywords: Vec<&'static str>,
    pub(crate) seed: u64,
}

pub(crate) struct Provision {
    pub(crate) eid: String,
    pub(crate) citation: String,
    pub(crate) title: usize,
    pub(crate) theme: usize,
    pub(crate) obligation: usize,
    pub(crate) seed: u64,
    pub(crate) elements: Vec<Element>,
}

pub(crate) struct Instrument {
    pub(crate) id: String,
    pub(crate) index: usize,
    pub(crate) kind: &'static str,
    pub(crate) body: &'static str,
    pub(crate) topic: usize,
    pub(crate) adopted: Date,
    pub(crate) in_force: Date,
    pub(crate) party: &'static str,
    pub(crate) party_year: u16,
    pub(crate) provisions: Vec<Provision>,
}

pub(crate) fn plan_standards(opts: &GenerateOptions) -> Vec<Instrument> {
    let total = opts.provision_count();
    if total == 0 {
        return Vec::new();
    }
    let mut r = Rng::new(derive(opts.seed, &[5]));
    let count = (3 + total / 1000).clamp(3, 12).min(total);
    let mut list = Vec::with_capacity(count);
    for i in 0..count {
        let n = total / count + usize::from(i < total % count);
        let kind = ["convention", "protocol", "convention", "soft-law"][i % 4];
        let year = 1950 + r.below(70) as u16;
        let adopted = Date::random(&mut r, year);
        let in_force_year = year + 1 + r.below(3) as u16;
        let in_force = Date::random(&mut r, in_force_year);
        let party = ["ratified", "acceded", "signed", "not-party"][r.weighted(&[40, 30, 15, 15])];
        let party_year = (in_force.y.max(1962) + r.below(15) as u16).min(2024);
        let mut provisions = Vec::with_capacity(n);
        let mut art = 0usize;
        while provisions.len() < n {
            art += 1;
            let style = r.below(3);
            let paras = if style == 0 { 1 } else { r.range(2, 4) };
            for p in 1..=paras {
                if provisions.len() == n {
                    break;
                }
                let (eid, citation) = match style {
                    0 => (format!("art_{art}"), format!("Art. {art}")),
                    1 => (format!("art_{art}__para_{p}"), format!("Art. {art}({p})")),
                    _ => {
                        let l = (b'a' + p as u8 - 1) as char;
                        (format!("art_{art}__para_{l}"), format!("Art. {art}({l})"))
                    }
                };
                let k = provisions.len() as u64;
                let mut elements = Vec::new();
                if r.chance(40) {
                    let m = r.range(2, 4);
                    let first = r.below(ELEMENT_IDS.len());
                    for e in 0..m {
                        let id = ELEMENT_IDS[(first + e * 5) % ELEMENT_IDS.len()];
                        let kw_first = r.below(KEYWORDS.len());
                        let kw_n = r.range(2, 5);
                        let keywords = (0..kw_n)
                            .map(|j| KEYWORDS[(kw_first + j * 7) % KEYWORDS.len()])
                            .collect();
                        elements.push(Element {
                            id,
                            keywords,
                            seed: derive(opts.seed, &[6, i as u64, k, e as u64]),
                        });
                    }
                }
                provisions.push(Provision {
                    eid,
                    citation,
                    title: r.below(PROVISION_TITLES.len()),
                    theme: r.below(THEMES.len()),
                    obligation: r.weighted(&[50, 20, 12, 10, 8]),
                    seed: derive(opts.seed, &[7, i as u64, k]),
                    elements,
                });
            }
        }
        list.push(Instrument {
            id: format!("gen-{:02}", i + 1),
            index: i,
            kind,
            body: match kind {
                "soft-law" => "OHCHR",
                _ if i % 3 == 1 => "ILO",
                _ => "UN",
            },
            topic: i % INSTRUMENT_TOPICS.len(),
            adopted,
            in_force,
            party,
            party_year,
            provisions,
        });
    }
    list
}

pub(crate) fn en_clause(r: &mut Rng, out: &mut String) {
    out.push_str(r.skewed(EN_VERB).0);
    out.push(' ');
    out.push_str(r.skewed(EN_OBJ));
    out.push(' ');
    out.push_str(r.skewed(EN_MOD));
}

pub(crate) fn write_standard(out: &mut String, inst: &Instrument) {
    let (topic_en, topic_ar) = INSTRUMENT_TOPICS[inst.topic];
    let (kind_en, kind_ar) = match inst.kind {
        "convention" => ("Convention", "اتفاقية اصطناعية"),
        "protocol" => ("Protocol", "بروتوكول اصطناعي"),
        _ => ("Guidelines", "مبادئ توجيهية اصطناعية"),
    };
    let n = inst.index + 1;
    out.push_str("# Synthetic instrument written by the mizan generator; not a real treaty.\n");
    w!(out, "id: {}\n", inst.id);
    w!(
        out,
        "title: {}\n",
        q(&format!("Synthetic {kind_en} No. {n} on {topic_en}"))
    );
    w!(
        out,
        "short_title: {}\n",
        q(&format!("Synthetic {kind_en} {n}"))
    );
    w!(
        out,
        "titles:\n  ar: {}\n",
        q(&format!("{kind_ar} رقم {n} بشأن {topic_ar}"))
    );
    w!(out, "kind: {}\nbody: {}\n", inst.kind, inst.body);
    if inst.kind == "protocol" {
        out.push_str("parent: gen-01\n");
    }
    w!(
        out,
        "adopted: {}\nin_force: {}\n",
        inst.adopted,
        inst.in_force
    );
    out.push_str("source: \"Synthetic; generated for benchmarks\"\n");
    w!(out, "parties:\n  kw:\n    status: {}\n", inst.party);
    if inst.party != "not-party" {
        w!(out, "    year: {}\n", inst.party_year);
    }
    out.push_str("provisions:\n");
    for p in &inst.provisions {
        let mut r = Rng::new(p.seed);
        w!(out, "  - id: {}\n", p.eid);
        w!(out, "    citation: {}\n", q(&p.citation));
        w!(out, "    title: {}\n", q(PROVISION_TITLES[p.title]));
        w!(out, "    theme: {}\n", THEMES[p.theme]);
        w!(out, "    obligation: {}\n", OBLIGATIONS[p.obligation]);
        let mut summary = String::from("The State is to ");
        en_clause(&mut r, &mut summary);
        summary.push('.');
        if r.chance(50) {
            summary.push(' ');
            en_sentence(&mut r, &mut summary);
        }
        w!(out, "    summary: {}\n", q(&summary));
        if !p.elements.is_empty() {
            out.push_str("    elements:\n");
            for e in &p.elements {
                let mut r = Rng::new(e.seed);
                let mut s = String::from("The law must ");
                en_clause(&mut r, &mut s);
                s.push('.');
                w!(out, "      - id: {}\n", e.id);
                w!(out, "        summary: {}\n", q(&s));
                w!(out, "        keywords: [{}]\n", e.keywords.join(", "));
            }
        }
    }
}
