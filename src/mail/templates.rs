//! The emails Meedoen sends, in plain Dutch (B1) and English, as plain text and HTML.

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use crate::locale::Locale;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedEmail {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The one-click unsubscribe URL (RFC 8058) of a notification; None for emails a person
    /// cannot opt out of (account links, answers to their own actions).
    pub unsubscribe: Option<String>,
}

impl RenderedEmail {
    /// Adds a way out of this kind of email: a line at the end and the List-Unsubscribe headers.
    pub fn with_unsubscribe(mut self, url: String, locale: Locale) -> Self {
        let (line, label) = match locale {
            Locale::Nl => (
                "Wil je deze e-mails niet meer krijgen? Afmelden kan met één klik:",
                "Afmelden voor deze e-mails",
            ),
            Locale::En => (
                "Don't want these emails any more? Unsubscribe with one click:",
                "Unsubscribe from these emails",
            ),
        };
        self.text.push_str(&format!("\n--\n{line}\n{url}\n"));
        let footer = format!(
            "<p style=\"font-size: 0.85em; color: #555;\">{} <a href=\"{}\">{}</a></p>\n</body></html>\n",
            text(line),
            attr(&url),
            text(label)
        );
        if let Some(end) = self.html.rfind("</body>") {
            self.html.truncate(end);
        }
        self.html.push_str(&footer);
        self.unsubscribe = Some(url);
        self
    }
}

pub enum Email<'a> {
    VerifyEmail {
        name: &'a str,
        link: &'a str,
    },
    /// Someone tried to register with an address that already has an account.
    AlreadyRegistered {
        name: &'a str,
        sign_in_link: &'a str,
        reset_link: &'a str,
    },
    PasswordReset {
        name: &'a str,
        link: &'a str,
    },
    PasswordChanged {
        name: &'a str,
    },
    OrganisationVerified {
        name: &'a str,
        organisation: &'a str,
        link: &'a str,
    },
    OrganisationRejected {
        name: &'a str,
        organisation: &'a str,
        reason: &'a str,
    },
    ReferralProposed {
        name: &'a str,
        worker: &'a str,
        offer: &'a str,
        note: Option<&'a str>,
        link: &'a str,
    },
    ReferralAnswered {
        name: &'a str,
        resident: &'a str,
        offer: &'a str,
        accepted: bool,
        reason: Option<&'a str>,
        link: &'a str,
    },
    /// A resident with a place was not there a few times in a row: a friendly word, never a
    /// warning, with a way to say they need something or want to stop.
    MissedYou {
        name: &'a str,
        offer: &'a str,
        organisation: &'a str,
        /// The conversation with the organisation.
        conversation_link: &'a str,
        /// "Mijn activiteiten", where a place can be given up.
        activities_link: &'a str,
    },
    /// An occurrence the resident has a place for does not go ahead.
    OccurrenceCancelled {
        name: &'a str,
        offer: &'a str,
        /// When it would have started, in words.
        when: &'a str,
        reason: &'a str,
        link: &'a str,
    },
    /// To an organisation's member: someone signed up for one of its offers.
    NewSignup {
        name: &'a str,
        resident: &'a str,
        offer: &'a str,
        /// The sign-up's status (snake_case): accepted, pending or waitlisted.
        status: &'a str,
        link: &'a str,
    },
    /// To an organisation's member, once a day: the sign-ups of the last day, one line each.
    SignupDigest {
        name: &'a str,
        lines: &'a [String],
        link: &'a str,
    },
    /// To a resident, the day before a meeting they have a place for.
    Reminder {
        name: &'a str,
        offer: &'a str,
        /// When it starts and ends, in words.
        when: &'a str,
        address: &'a str,
        organisation: &'a str,
        /// The organisation's phone or email, if it has public ones.
        contact: Option<&'a str>,
        /// The conversation with the organisation ("can't come?").
        link: &'a str,
    },
    /// To a resident who asked for it, on Mondays: new offers that fit their profile.
    OffersDigest {
        name: &'a str,
        /// Title and link of each offer.
        offers: &'a [(String, String)],
        link: &'a str,
    },
    /// To a resident who got a place: when, where and whom to contact.
    SignupAccepted {
        name: &'a str,
        offer: &'a str,
        /// The next meetings, in words.
        next: &'a [String],
        address: &'a str,
        organisation: &'a str,
        contact: Option<&'a str>,
        /// The conversation with the organisation.
        link: &'a str,
    },
    /// Someone wrote in a conversation this person is part of.
    NewMessage {
        name: &'a str,
        /// The writer's display name.
        from: &'a str,
        offer: &'a str,
        body: &'a str,
        link: &'a str,
    },
    /// A sign-up's status changed (or it was just made); `status` is its snake_case name.
    SignupStatus {
        name: &'a str,
        offer: &'a str,
        status: &'a str,
        /// Why the organisation declined, when it said.
        reason: Option<&'a str>,
        link: &'a str,
    },
}

/// One paragraph or a button in an email.
enum Block<'a> {
    Para(String),
    Button { label: &'a str, link: &'a str },
}

impl Email<'_> {
    pub fn render(&self, locale: Locale) -> RenderedEmail {
        let nl = locale == Locale::Nl;
        let (subject, greeting_name, blocks): (&str, &str, Vec<Block>) = match *self {
            Email::VerifyEmail { name, link } => (
                if nl {
                    "Bevestig je e-mailadres voor Meedoen"
                } else {
                    "Confirm your email address for Meedoen"
                },
                name,
                vec![
                    Block::Para(if nl {
                        "Welkom bij Meedoen! Klik op de knop om je e-mailadres te bevestigen. Daarna kun je je aanmelden voor activiteiten.".into()
                    } else {
                        "Welcome to Meedoen! Click the button to confirm your email address. After that you can sign up for activities.".into()
                    }),
                    Block::Button {
                        label: if nl {
                            "E-mailadres bevestigen"
                        } else {
                            "Confirm email address"
                        },
                        link,
                    },
                    Block::Para(if nl {
                        "De link werkt 48 uur. Heb je je niet aangemeld? Dan kun je deze e-mail negeren.".into()
                    } else {
                        "The link works for 48 hours. Did you not register? Then you can ignore this email.".into()
                    }),
                ],
            ),
            Email::AlreadyRegistered {
                name,
                sign_in_link,
                reset_link,
            } => (
                if nl {
                    "Je hebt al een account bij Meedoen"
                } else {
                    "You already have a Meedoen account"
                },
                name,
                vec![
                    Block::Para(if nl {
                        "Iemand wilde een nieuw account maken met dit e-mailadres. Maar je hebt al een account. Je kunt gewoon inloggen.".into()
                    } else {
                        "Someone tried to create a new account with this email address. But you already have an account. You can simply sign in.".into()
                    }),
                    Block::Button {
                        label: if nl { "Inloggen" } else { "Sign in" },
                        link: sign_in_link,
                    },
                    Block::Para(if nl {
                        "Weet je je wachtwoord niet meer? Kies dan een nieuw wachtwoord.".into()
                    } else {
                        "Forgot your password? Then choose a new one.".into()
                    }),
                    Block::Button {
                        label: if nl {
                            "Nieuw wachtwoord kiezen"
                        } else {
                            "Choose a new password"
                        },
                        link: reset_link,
                    },
                    Block::Para(if nl {
                        "Was jij dit niet? Dan hoef je niets te doen.".into()
                    } else {
                        "Was this not you? Then you do not need to do anything.".into()
                    }),
                ],
            ),
            Email::PasswordReset { name, link } => (
                if nl {
                    "Kies een nieuw wachtwoord voor Meedoen"
                } else {
                    "Choose a new password for Meedoen"
                },
                name,
                vec![
                    Block::Para(if nl {
                        "Je hebt gevraagd om een nieuw wachtwoord. Klik op de knop om er een te kiezen.".into()
                    } else {
                        "You asked for a new password. Click the button to choose one.".into()
                    }),
                    Block::Button {
                        label: if nl {
                            "Nieuw wachtwoord kiezen"
                        } else {
                            "Choose a new password"
                        },
                        link,
                    },
                    Block::Para(if nl {
                        "De link werkt 1 uur en maar één keer. Heb je dit niet gevraagd? Dan kun je deze e-mail negeren.".into()
                    } else {
                        "The link works for 1 hour and only once. Did you not ask for this? Then you can ignore this email.".into()
                    }),
                ],
            ),
            Email::PasswordChanged { name } => (
                if nl {
                    "Je wachtwoord voor Meedoen is veranderd"
                } else {
                    "Your Meedoen password was changed"
                },
                name,
                vec![Block::Para(if nl {
                    "Je wachtwoord is veranderd. Je bent overal uitgelogd. Was jij dit niet? Neem dan contact op met je gemeente.".into()
                } else {
                    "Your password was changed and you were signed out everywhere. Was this not you? Then contact your municipality.".into()
                })],
            ),
            Email::OrganisationVerified {
                name,
                organisation,
                link,
            } => (
                if nl {
                    "Je organisatie staat op Meedoen"
                } else {
                    "Your organisation is on Meedoen"
                },
                name,
                vec![
                    Block::Para(if nl {
                        format!("{organisation} is goedgekeurd. Je kunt nu activiteiten plaatsen.")
                    } else {
                        format!("{organisation} has been approved. You can now publish activities.")
                    }),
                    Block::Button {
                        label: if nl {
                            "Naar je organisatie"
                        } else {
                            "Go to your organisation"
                        },
                        link,
                    },
                ],
            ),
            Email::OrganisationRejected {
                name,
                organisation,
                reason,
            } => (
                if nl {
                    "Je aanmelding bij Meedoen is niet goedgekeurd"
                } else {
                    "Your organisation was not approved"
                },
                name,
                vec![
                    Block::Para(if nl {
                        format!("We hebben {organisation} niet goedgekeurd. De reden is:")
                    } else {
                        format!("We did not approve {organisation}. The reason is:")
                    }),
                    Block::Para(reason.to_string()),
                    Block::Para(if nl {
                        "Heb je vragen? Neem dan contact op met je gemeente.".into()
                    } else {
                        "Questions? Please contact your municipality.".into()
                    }),
                ],
            ),
            Email::ReferralProposed {
                name,
                worker,
                offer,
                note,
                link,
            } => {
                let mut blocks = vec![Block::Para(if nl {
                    format!(
                        "{worker} denkt dat \"{offer}\" iets voor je is. Jij beslist: zeg ja of nee."
                    )
                } else {
                    format!(
                        "{worker} thinks \"{offer}\" could suit you. You decide: say yes or no."
                    )
                })];
                if let Some(note) = note {
                    blocks.push(Block::Para(note.to_string()));
                }
                blocks.push(Block::Button {
                    label: if nl {
                        "Bekijk het voorstel"
                    } else {
                        "See the proposal"
                    },
                    link,
                });
                (
                    if nl {
                        "Een voorstel voor jou"
                    } else {
                        "A proposal for you"
                    },
                    name,
                    blocks,
                )
            }
            Email::ReferralAnswered {
                name,
                resident,
                offer,
                accepted,
                reason,
                link,
            } => {
                let mut blocks = vec![Block::Para(match (accepted, nl) {
                    (true, true) => format!("{resident} heeft ja gezegd tegen \"{offer}\"."),
                    (true, false) => format!("{resident} said yes to \"{offer}\"."),
                    (false, true) => format!("{resident} heeft nee gezegd tegen \"{offer}\"."),
                    (false, false) => format!("{resident} said no to \"{offer}\"."),
                })];
                if let Some(reason) = reason {
                    blocks.push(Block::Para(reason.to_string()));
                }
                blocks.push(Block::Button {
                    label: if nl {
                        "Naar mijn verwijzingen"
                    } else {
                        "Go to my referrals"
                    },
                    link,
                });
                (
                    if nl {
                        "Antwoord op je voorstel"
                    } else {
                        "Answer to your proposal"
                    },
                    name,
                    blocks,
                )
            }
            Email::MissedYou {
                name,
                offer,
                organisation,
                conversation_link,
                activities_link,
            } => (
                if nl {
                    "We hebben je gemist"
                } else {
                    "We missed you"
                },
                name,
                vec![
                    Block::Para(if nl {
                        format!(
                            "We hebben je de laatste keren gemist bij \"{offer}\". Gaat het goed met je?"
                        )
                    } else {
                        format!(
                            "We missed you the last few times at \"{offer}\". Are you doing well?"
                        )
                    }),
                    Block::Para(if nl {
                        format!(
                            "Heb je iets nodig om weer te komen? Of past het nu niet? Laat het {organisation} weten. Dat mag altijd."
                        )
                    } else {
                        format!(
                            "Do you need something to come again? Or does it not fit right now? Let {organisation} know. That is always fine."
                        )
                    }),
                    message_the_organisation(nl, conversation_link),
                    Block::Para(if nl {
                        format!("Wil je stoppen? Dat kan bij Mijn activiteiten: {activities_link}")
                    } else {
                        format!("Want to stop? You can do that in My activities: {activities_link}")
                    }),
                ],
            ),
            Email::OccurrenceCancelled {
                name,
                offer,
                when,
                reason,
                link,
            } => (
                if nl {
                    "Een activiteit gaat een keer niet door"
                } else {
                    "An activity is cancelled once"
                },
                name,
                vec![
                    Block::Para(if nl {
                        format!("{offer} gaat op {when} niet door.")
                    } else {
                        format!("{offer} does not take place on {when}.")
                    }),
                    Block::Para(if nl {
                        format!("De organisatie schrijft: {reason}")
                    } else {
                        format!("The organisation writes: {reason}")
                    }),
                    Block::Para(if nl {
                        "De andere keren gaan gewoon door. Je plek blijft van jou.".into()
                    } else {
                        "The other meetings go ahead as usual. Your place stays yours.".into()
                    }),
                    Block::Button {
                        label: if nl {
                            "Bekijk de activiteit"
                        } else {
                            "View the activity"
                        },
                        link,
                    },
                ],
            ),
            Email::NewSignup {
                name,
                resident,
                offer,
                status,
                link,
            } => (
                if nl {
                    "Nieuwe aanmelding"
                } else {
                    "New sign-up"
                },
                name,
                vec![
                    Block::Para(if nl {
                        format!(
                            "{resident} heeft zich aangemeld voor \"{offer}\". {}",
                            status_words(status, true)
                        )
                    } else {
                        format!(
                            "{resident} signed up for \"{offer}\". {}",
                            status_words(status, false)
                        )
                    }),
                    Block::Button {
                        label: if nl {
                            "Bekijk de aanmeldingen"
                        } else {
                            "See the sign-ups"
                        },
                        link,
                    },
                ],
            ),
            Email::SignupDigest { name, lines, link } => {
                let mut blocks = vec![Block::Para(if nl {
                    "Dit zijn de aanmeldingen van de afgelopen dag:".into()
                } else {
                    "These are the sign-ups of the past day:".into()
                })];
                blocks.extend(lines.iter().map(|line| Block::Para(format!("• {line}"))));
                blocks.push(Block::Button {
                    label: if nl {
                        "Bekijk de aanmeldingen"
                    } else {
                        "See the sign-ups"
                    },
                    link,
                });
                (
                    if nl {
                        "Nieuwe aanmeldingen van vandaag"
                    } else {
                        "Today's new sign-ups"
                    },
                    name,
                    blocks,
                )
            }
            Email::Reminder {
                name,
                offer,
                when,
                address,
                organisation,
                contact,
                link,
            } => {
                let mut blocks = vec![
                    Block::Para(if nl {
                        format!("Morgen is het zover: \"{offer}\", {when}.")
                    } else {
                        format!("Tomorrow is the day: \"{offer}\", {when}.")
                    }),
                    Block::Para(if nl {
                        format!("Waar: {address}")
                    } else {
                        format!("Where: {address}")
                    }),
                ];
                if let Some(contact) = contact {
                    blocks.push(Block::Para(if nl {
                        format!("Vragen? Neem contact op met {organisation}: {contact}.")
                    } else {
                        format!("Questions? Contact {organisation}: {contact}.")
                    }));
                }
                blocks.push(Block::Para(if nl {
                    "Kun je niet komen? Laat het de organisatie weten.".into()
                } else {
                    "Can't come? Let the organisation know.".into()
                }));
                blocks.push(message_the_organisation(nl, link));
                (
                    if nl {
                        "Morgen: je activiteit"
                    } else {
                        "Tomorrow: your activity"
                    },
                    name,
                    blocks,
                )
            }
            Email::OffersDigest { name, offers, link } => {
                let mut blocks = vec![Block::Para(if nl {
                    "Deze nieuwe activiteiten passen bij wat je kunt en wilt:".into()
                } else {
                    "These new activities fit what you can do and want:".into()
                })];
                for (title, offer_link) in offers {
                    blocks.push(Block::Para(format!("• {title}: {offer_link}")));
                }
                blocks.push(Block::Button {
                    label: if nl {
                        "Bekijk alle activiteiten"
                    } else {
                        "See all activities"
                    },
                    link,
                });
                (
                    if nl {
                        "Nieuwe activiteiten voor jou"
                    } else {
                        "New activities for you"
                    },
                    name,
                    blocks,
                )
            }
            Email::SignupAccepted {
                name,
                offer,
                next,
                address,
                organisation,
                contact,
                link,
            } => {
                let mut blocks = vec![Block::Para(if nl {
                    format!(
                        "Goed nieuws! Je hebt een plek bij \"{offer}\". De organisatie rekent op je."
                    )
                } else {
                    format!(
                        "Good news! You have a place at \"{offer}\". The organisation is counting on you."
                    )
                })];
                if !next.is_empty() {
                    blocks.push(Block::Para(if nl {
                        format!("Wanneer: {}", next.join("; "))
                    } else {
                        format!("When: {}", next.join("; "))
                    }));
                }
                blocks.push(Block::Para(if nl {
                    format!("Waar: {address}")
                } else {
                    format!("Where: {address}")
                }));
                blocks.push(Block::Para(match (contact, nl) {
                    (Some(contact), true) => format!(
                        "Vragen? {organisation}: {contact}, of stuur een bericht in Meedoen."
                    ),
                    (Some(contact), false) => format!(
                        "Questions? {organisation}: {contact}, or send a message in Meedoen."
                    ),
                    (None, true) => format!("Vragen? Stuur {organisation} een bericht in Meedoen."),
                    (None, false) => {
                        format!("Questions? Send {organisation} a message in Meedoen.")
                    }
                }));
                blocks.push(message_the_organisation(nl, link));
                (
                    if nl {
                        "Je bent aangenomen"
                    } else {
                        "You have a place"
                    },
                    name,
                    blocks,
                )
            }
            Email::NewMessage {
                name,
                from,
                offer,
                body,
                link,
            } => (
                if nl {
                    "Nieuw bericht over je activiteit"
                } else {
                    "New message about your activity"
                },
                name,
                vec![
                    Block::Para(if nl {
                        format!("{from} schreef je een bericht over \"{offer}\":")
                    } else {
                        format!("{from} wrote to you about \"{offer}\":")
                    }),
                    Block::Para(body.to_string()),
                    Block::Button {
                        label: if nl {
                            "Antwoorden in Meedoen"
                        } else {
                            "Reply in Meedoen"
                        },
                        link,
                    },
                    Block::Para(if nl {
                        "Antwoord via de knop. Een antwoord op deze e-mail komt niet aan.".into()
                    } else {
                        "Reply with the button. A reply to this email does not arrive.".into()
                    }),
                ],
            ),
            Email::SignupStatus {
                name,
                offer,
                status,
                reason,
                link,
            } => {
                let (subject, text) = signup_texts(nl, offer, status);
                let mut blocks = vec![Block::Para(text)];
                if let Some(reason) = reason {
                    blocks.push(Block::Para(if nl {
                        format!("De organisatie schrijft: {reason}")
                    } else {
                        format!("The organisation writes: {reason}")
                    }));
                }
                blocks.push(Block::Button {
                    label: if nl {
                        "Naar mijn activiteiten"
                    } else {
                        "Go to my activities"
                    },
                    link,
                });
                (subject, name, blocks)
            }
        };
        let greeting = if nl {
            format!("Hallo {greeting_name},")
        } else {
            format!("Hello {greeting_name},")
        };
        let closing = if nl {
            "Groeten van Meedoen"
        } else {
            "Best wishes from Meedoen"
        };

        let mut plain = format!("{greeting}\n\n");
        let mut html = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5; max-width: 36em;\">\n<p>{}</p>\n",
            locale.as_str(),
            text(subject),
            text(&greeting)
        );
        for block in &blocks {
            match block {
                Block::Para(para) => {
                    plain.push_str(para);
                    plain.push_str("\n\n");
                    html.push_str(&format!("<p>{}</p>\n", text(para)));
                }
                Block::Button { label, link } => {
                    plain.push_str(&format!("{label}:\n{link}\n\n"));
                    html.push_str(&format!(
                        "<p><a href=\"{}\" style=\"display: inline-block; padding: 0.6em 1.2em; background: #0b5394; color: #ffffff; text-decoration: none; border-radius: 4px;\">{}</a></p>\n",
                        attr(link),
                        text(label)
                    ));
                }
            }
        }
        plain.push_str(closing);
        plain.push('\n');
        html.push_str(&format!("<p>{}</p>\n</body></html>\n", text(closing)));
        RenderedEmail {
            subject: subject.into(),
            text: plain,
            html,
            unsubscribe: None,
        }
    }
}

/// The button to the conversation with the organisation.
fn message_the_organisation(nl: bool, link: &str) -> Block<'_> {
    Block::Button {
        label: if nl {
            "Bericht aan de organisatie"
        } else {
            "Message the organisation"
        },
        link,
    }
}

/// What a new sign-up's status means for the organisation, in a sentence.
fn status_words(status: &str, nl: bool) -> &'static str {
    match (status, nl) {
        ("accepted", true) => "Er was plek: de aanmelding is meteen aangenomen.",
        ("accepted", false) => "There was room: the sign-up was accepted at once.",
        ("pending", true) => "Je kunt de aanmelding aannemen of afwijzen.",
        ("pending", false) => "You can accept or decline the sign-up.",
        (_, true) => "De activiteit is vol: de aanmelding staat op de wachtlijst.",
        (_, false) => "The activity is full: the sign-up is on the waitlist.",
    }
}

/// Subject and text of a sign-up status email.
fn signup_texts(nl: bool, offer: &str, status: &str) -> (&'static str, String) {
    match (status, nl) {
        ("accepted", true) => (
            "Je bent aangenomen",
            format!("Goed nieuws! Je hebt een plek bij \"{offer}\". De organisatie rekent op je."),
        ),
        ("accepted", false) => (
            "You have a place",
            format!(
                "Good news! You have a place at \"{offer}\". The organisation is counting on you."
            ),
        ),
        ("pending", true) => (
            "Je aanmelding is binnen",
            format!(
                "Je aanmelding voor \"{offer}\" is binnen. De organisatie kijkt ernaar en laat het je weten."
            ),
        ),
        ("pending", false) => (
            "Your sign-up has arrived",
            format!(
                "Your sign-up for \"{offer}\" has arrived. The organisation will look at it and let you know."
            ),
        ),
        ("waitlisted", true) => (
            "Je staat op de wachtlijst",
            format!(
                "\"{offer}\" is vol. Je staat op de wachtlijst. Komt er een plek vrij, dan hoor je het meteen."
            ),
        ),
        ("waitlisted", false) => (
            "You are on the waitlist",
            format!(
                "\"{offer}\" is full. You are on the waitlist. When a place comes free, you will hear at once."
            ),
        ),
        ("declined", true) => (
            "Je aanmelding is niet gelukt",
            format!(
                "De organisatie van \"{offer}\" heeft je aanmelding niet aangenomen. Kijk gerust naar andere activiteiten."
            ),
        ),
        ("declined", false) => (
            "Your sign-up was not accepted",
            format!(
                "The organisation of \"{offer}\" did not accept your sign-up. Feel free to look at other activities."
            ),
        ),
        (_, true) => (
            "Je bent afgemeld",
            format!("Je bent afgemeld voor \"{offer}\"."),
        ),
        (_, false) => (
            "You have withdrawn",
            format!("You have withdrawn from \"{offer}\"."),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_both_languages_and_escapes_names() {
        let email = Email::VerifyEmail {
            name: "<Jan & Piet>",
            link: "https://x.nl/verify-email?token=a&b",
        };
        let nl = email.render(Locale::Nl);
        assert!(nl.subject.contains("Bevestig"));
        assert!(nl.text.contains("Hallo <Jan & Piet>,"));
        assert!(nl.text.contains("https://x.nl/verify-email?token=a&b"));
        assert!(nl.html.contains("Hallo &lt;Jan &amp; Piet&gt;,"));
        assert!(
            nl.html
                .contains("href=\"https://x.nl/verify-email?token=a&amp;b\"")
        );
        let en = email.render(Locale::En);
        assert!(en.subject.contains("Confirm"));
        assert!(en.html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    }
}
