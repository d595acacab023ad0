//! The statement as a PDF, made with `printpdf` and the standard Helvetica fonts (no font files to
//! ship; WinAnsi covers Dutch). One A4 page holds about thirty activities; more go on next pages.

use chrono::NaiveDate;
use printpdf::{BuiltinFont, IndirectFontRef, Line, Mm, PdfDocument, PdfLayerReference, Point};

use super::dto::StatementFigures;
use crate::error::AppError;
use crate::features::offers::models::OfferKind;
use crate::locale::{Locale, long_date};

/// What goes on the statement besides its figures.
pub struct Heading {
    pub resident_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub issued: NaiveDate,
    pub code: String,
    pub municipality: String,
    /// Where the code can be checked.
    pub check_url: String,
}

fn kind_words(kind: OfferKind, locale: Locale) -> &'static str {
    let nl = locale == Locale::Nl;
    match kind {
        OfferKind::VolunteerWork if nl => "Vrijwilligerswerk",
        OfferKind::VolunteerWork => "Volunteer work",
        OfferKind::UrbanFarming if nl => "Stadslandbouw",
        OfferKind::UrbanFarming => "Urban farming",
        OfferKind::DayActivity if nl => "Dagactiviteit",
        OfferKind::DayActivity => "Day activity",
        OfferKind::Course if nl => "Cursus",
        OfferKind::Course => "Course",
    }
}

fn hours_words(hours: f64, locale: Locale) -> String {
    let text = format!("{hours:.1}");
    if locale == Locale::Nl {
        text.replace('.', ",")
    } else {
        text
    }
}

/// Cuts a text to `max` characters, with an ellipsis, so a long title keeps to its column.
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

struct Pen {
    layer: PdfLayerReference,
    regular: IndirectFontRef,
    bold: IndirectFontRef,
    y: f32,
}

impl Pen {
    fn text(&self, text: &str, size: f32, x: f32, bold: bool) {
        let font = if bold { &self.bold } else { &self.regular };
        self.layer.use_text(text, size, Mm(x), Mm(self.y), font);
    }

    fn rule(&self) {
        let line = Line {
            points: vec![
                (Point::new(Mm(20.0), Mm(self.y)), false),
                (Point::new(Mm(190.0), Mm(self.y)), false),
            ],
            is_closed: false,
        };
        self.layer.add_line(line);
    }
}

/// The statement in `locale` as PDF bytes.
pub fn render(
    heading: &Heading,
    figures: &StatementFigures,
    locale: Locale,
) -> Result<Vec<u8>, AppError> {
    let nl = locale == Locale::Nl;
    let title = if nl {
        "Verklaring van deelname"
    } else {
        "Statement of participation"
    };
    let (doc, page, layer) = PdfDocument::new(title, Mm(210.0), Mm(297.0), "1");
    let pdf_error = |e: printpdf::Error| AppError::internal(e.to_string());
    let regular = doc
        .add_builtin_font(BuiltinFont::Helvetica)
        .map_err(pdf_error)?;
    let bold = doc
        .add_builtin_font(BuiltinFont::HelveticaBold)
        .map_err(pdf_error)?;
    let mut pen = Pen {
        layer: doc.get_page(page).get_layer(layer),
        regular,
        bold,
        y: 270.0,
    };
    pen.text(&heading.municipality, 11.0, 20.0, false);
    pen.y -= 12.0;
    pen.text(title, 20.0, 20.0, true);
    pen.y -= 12.0;
    let label = |nl_text: &'static str, en_text: &'static str| if nl { nl_text } else { en_text };
    for (name, value) in [
        (label("Naam", "Name"), heading.resident_name.clone()),
        (
            label("Periode", "Period"),
            format!(
                "{} {} {}",
                long_date(heading.from, locale),
                label("tot en met", "to"),
                long_date(heading.to, locale)
            ),
        ),
        (
            label("Gemaakt op", "Issued on"),
            long_date(heading.issued, locale),
        ),
    ] {
        pen.text(name, 11.0, 20.0, true);
        pen.text(&value, 11.0, 55.0, false);
        pen.y -= 7.0;
    }
    pen.y -= 6.0;
    let columns = [20.0, 68.0, 128.0, 160.0, 178.0];
    let header = [
        label("Organisatie", "Organisation"),
        label("Activiteit", "Activity"),
        label("Soort", "Kind"),
        label("Keren", "Times"),
        label("Uren", "Hours"),
    ];
    for (x, text) in columns.iter().zip(header) {
        pen.text(text, 10.0, *x, true);
    }
    pen.y -= 3.0;
    pen.rule();
    pen.y -= 6.0;
    for line in &figures.items {
        if pen.y < 40.0 {
            let (page, layer) = doc.add_page(Mm(210.0), Mm(297.0), "1");
            pen.layer = doc.get_page(page).get_layer(layer);
            pen.y = 270.0;
        }
        let cells = [
            fit(&line.organisation_name, 26),
            fit(&line.offer_title, 32),
            kind_words(line.kind, locale).to_string(),
            line.sessions_present.to_string(),
            hours_words(line.hours, locale),
        ];
        for (x, text) in columns.iter().zip(cells) {
            pen.text(&text, 10.0, *x, false);
        }
        pen.y -= 6.0;
    }
    if figures.items.is_empty() {
        pen.text(
            label(
                "In deze periode is geen deelname vastgelegd.",
                "No participation was recorded in this period.",
            ),
            10.0,
            20.0,
            false,
        );
        pen.y -= 6.0;
    }
    pen.rule();
    pen.y -= 6.0;
    pen.text(label("Totaal", "Total"), 10.0, columns[0], true);
    pen.text(
        &figures.sessions_present.to_string(),
        10.0,
        columns[3],
        true,
    );
    pen.text(&hours_words(figures.hours, locale), 10.0, columns[4], true);
    pen.y -= 16.0;
    for text in [
        label(
            "De organisaties hebben deze keren en uren zelf vastgelegd in Meedoen.",
            "The organisations recorded these times and hours themselves in Meedoen.",
        )
        .to_string(),
        format!(
            "{}: {}",
            label("Controlecode", "Verification code"),
            heading.code
        ),
        format!(
            "{} {}",
            label("Controleer deze verklaring op", "Check this statement at"),
            heading.check_url
        ),
    ] {
        pen.text(&text, 10.0, 20.0, false);
        pen.y -= 6.0;
    }
    doc.save_to_bytes().map_err(pdf_error)
}
