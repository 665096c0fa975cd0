"""Words for the safety plans and for using the workbook on a shared or watched computer."""

from __future__ import annotations

from workbook.words._picks import Picks

# The general safety plan: (field name, heading, hint), in the order a plan is read.
SAFETY_PLAN_PARTS: tuple[tuple[str, str, str], ...] = (
    ("warning_signs", "My warning signs",
     "Thoughts, feelings or moments that tell me a hard time is starting."),
    ("on_my_own", "Things I can do on my own to get through a hard moment",
     "For example a walk, a shower, music, slow breathing, writing it down."),
    ("distractions", "People and places that help me take my mind off it",
     "A friend to text about nothing much, a café, a park, a library."),
    ("people", "People I can ask for help",
     "Names and how to reach them, one a line. They stay in your journal only."),
    ("professionals", "Professionals and services",
     "Filled in from the help lines for where you live. Add your doctor or therapist."),
    ("safer_surroundings", "Making my surroundings safer",
     "What I can move away, lock up or hand to someone while things are hard."),
    ("reasons", "What matters to me and keeps me going",
     "People, pets, plans, values, small things I look forward to."),
)

# The plan for safety in a relationship: (field name, heading, hint).
PARTNER_PLAN_PARTS: tuple[tuple[str, str, str], ...] = (
    ("safe_people", "Safe people",
     "Who I can go to or call, and how to reach them, one a line."),
    ("safe_places", "Safe places",
     "Where I could go at any hour: a friend's home, a relative, a shelter, a public place."),
    ("bag_kept_where", "Where my bag is kept",
     "Somewhere the person hurting me won't look, or with someone I trust."),
    ("code_word", "My code word",
     "A word or message that tells someone I trust to call for help, and what it asks them "
     "to do."),
    ("help_lines", "Lines that help with abuse",
     "Filled in from the lines for where you live. Add any local service you know."),
    ("other_steps", "Anything else that keeps me safer",
     "For example keeping my phone charged, or knowing the quickest way out."),
)

# What to keep ready in a bag, keyed as the plan stores it.
GO_BAG_ITEMS: Picks[str] = Picks({
    "id_documents": "ID: passport, driving licence or other papers that show who I am",
    "money_cards": "Bank cards, and some cash",
    "phone_charger": "A phone and its charger",
    "keys": "Spare keys (home, car, work)",
    "medicines": "Medicines and prescriptions",
    "important_papers": "Copies of important papers (lease, insurance, benefits, visas)",
    "children_papers": "Papers for any children (birth, school and health records)",
    "clothes": "A change of clothes",
    "numbers_on_paper": "Important phone numbers written on paper",
    "pet_things": "What any pets need for a few days",
})

SAFETY_PLAN_INTRO = (
    "A safety plan is a short list you write while you feel steady, to use when things get "
    "hard. Start from the top and go down until you feel safer. Write only what helps you. "
    "You can change it at any time."
)
PARTNER_PLAN_INTRO = (
    "This plan is for times when you feel unsafe with a partner, or with someone you live "
    "with. You don't have to leave to make one, and you decide what goes in it."
)
PARTNER_PLAN_KEEP_HIDDEN = (
    "Keep this plan where the person you fear can't find it. Anyone who can use this computer "
    "account, or who knows the passphrase, could read it. If that is a risk, write it on "
    "paper and keep it with someone you trust, or only tell a help line and delete it here."
)
IN_REPORT_LABEL = "Include this plan in the progress report I make"
PARTNER_FEAR_REMEMBERED = (
    "So that a plan for your safety is one click away in \"Need help now?\", the workbook "
    "keeps one note: that this check pointed to fear of a partner. Your answers are not kept. "
    "To clear the note, answer No to each question and press the button again."
)
PLAN_ANSWER_NEEDED = "Please write at least one part of your plan in your own words."

# The safety check remembers only this, never the answers (see the safety check).
PARTNER_SAFETY_SETTING = "partner_safety"
# The safety check's questions (by position) that point to fear of a partner.
PARTNER_FEAR_QUESTIONS = (0, 1, 2, 3)

# "A shared or watched computer": shown in Start here and in "Need help now?".
SHARED_COMPUTER_TITLE = "If someone else uses or watches this computer"
SHARED_COMPUTER_POINTS: tuple[str, ...] = (
    "Anyone who can use this computer account can open the journal file and read it, "
    "unless it is locked.",
    "If you set a passphrase lock (in Start here), the file can't be read while it is "
    "locked. Once you unlock it, anyone using this computer while your notebooks are open "
    "can see what they show.",
    "Your web browser keeps a history. It can show which notebooks were open, and when. "
    "Private or incognito windows keep less.",
    "To remove everything quickly, use Delete everything in the privacy section of Start "
    "here. It deletes the journal, its backups and its exports on this computer.",
    "If someone may check your calls or messages, a public phone, a computer at a library, "
    "or a friend's phone may be safer for calling a help line.",
)
