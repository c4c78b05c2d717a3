"""Every message an editor's data file or page can get from its loader, by code: in English (what
the build prints), Russian and Kazakh (what `kb check --lang ru|kk` prints) side by side. Each says
what is wrong and, in the editors' languages, how to fix it. A loader names the message by its code
and gives the values ({key}, {field}, …); values that are words themselves (the kind of value
expected or given, a weekday) are said in the message's language too (NAMES)."""
from __future__ import annotations

LANGUAGES = ("en", "ru", "kk")

MESSAGES = {
    # --- the record-validation vocabulary: any data file, any front matter -------------------------
    "yaml": {
        "en": "YAML syntax: {what}",
        "ru": "ошибка синтаксиса YAML ({what}): проверьте эту строку и строку выше — кавычки, скобки, отступы "
              "(только пробелы)",
        "kk": "YAML синтаксисінің қатесі ({what}): осы жолды және алдыңғы жолды тексеріңіз — тырнақшаларды, "
              "жақшаларды, шегіністерді (тек бос орынмен)",
    },
    "unreadable": {
        "en": "cannot be read ({error})",
        "ru": "файл не читается ({error}): проверьте, что он есть и сохранён в UTF-8",
        "kk": "файл оқылмайды ({error}): оның бар екенін және UTF-8 кодтауында сақталғанын тексеріңіз",
    },
    "duplicate-key": {
        "en": "key '{key}' is given twice",
        "ru": "ключ «{key}» указан дважды: оставьте один",
        "kk": "«{key}» кілті екі рет жазылған: біреуін қалдырыңыз",
    },
    "key-not-text": {
        "en": "a key must be a text (a list or mapping was given as a key)",
        "ru": "ключ должен быть текстом (ключом указан список или словарь)",
        "kk": "кілт мәтін болуы керек (кілт орнына тізім немесе сөздік жазылған)",
    },
    "impossible-date": {
        "en": "'{value}' is not a real date",
        "ru": "«{value}» — несуществующая дата: проверьте день и месяц",
        "kk": "«{value}» — мұндай күн жоқ: күні мен айын тексеріңіз",
    },
    "wrong-type": {
        "en": "'{field}' must be {expected}, not {given}",
        "ru": "«{field}» должно быть: {expected}, а указано: {given}",
        "kk": "«{field}» мәні {expected} болуы керек, ал жазылғаны: {given}",
    },
    "missing": {
        "en": "'{field}' is missing",
        "ru": "не указано «{field}»: добавьте",
        "kk": "«{field}» көрсетілмеген: оны қосыңыз",
    },
    "empty": {
        "en": "'{field}' is empty",
        "ru": "«{field}» пусто: впишите значение",
        "kk": "«{field}» бос: мәнін жазыңыз",
    },
    "unknown-key": {
        "en": "unknown key '{key}' (allowed: {allowed})",
        "ru": "неизвестный ключ «{key}» (можно: {allowed}): исправьте опечатку или уберите ключ",
        "kk": "«{key}» деген белгісіз кілт (болатыны: {allowed}): қатесін түзетіңіз немесе кілтті алып тастаңыз",
    },
    "unknown-key-here": {
        "en": "unknown key '{key}'",
        "ru": "неизвестный ключ «{key}»: исправьте опечатку или уберите ключ",
        "kk": "«{key}» деген белгісіз кілт: қатесін түзетіңіз немесе кілтті алып тастаңыз",
    },
    "not-one-of": {
        "en": "'{field}' must be one of {choices}, not '{value}'",
        "ru": "«{field}» должно быть одним из: {choices}, а указано «{value}»",
        "kk": "«{field}» мына мәндердің бірі болуы керек: {choices}, ал жазылғаны «{value}»",
    },
    "text-unknown-language": {
        "en": "'{field}' has an unknown language '{lang}'",
        "ru": "в «{field}» неизвестный язык «{lang}»: бывают только ru и kk",
        "kk": "«{field}» ішінде «{lang}» деген белгісіз тіл бар: тек ru және kk болады",
    },
    "text-missing-language": {
        "en": "'{field}' is missing or empty in '{lang}'",
        "ru": "в «{field}» нет текста на языке «{lang}» или он пуст: впишите текст",
        "kk": "«{field}» ішінде «{lang}» тіліндегі мәтін жоқ немесе бос: мәтінін жазыңыз",
    },
    "front-matter-yaml": {
        "en": "YAML syntax: {what}; put a text with ': ' in quotes",
        "ru": "шапка страницы не читается как YAML ({what}): возьмите текст, в котором есть «: », в кавычки",
        "kk": "беттің басқы бөлігі YAML ретінде оқылмайды ({what}): ішінде «: » бар мәтінді тырнақшаға алыңыз",
    },
    "id-twice": {
        "en": "the id '#{anchor}' is given twice (first on line {first}): give each its own",
        "ru": "id «#{anchor}» указан дважды (впервые в строке {first}): дайте каждому свой",
        "kk": "«#{anchor}» id-і екі рет жазылған (алғашқысы {first}-жолда): әрқайсысына өз id-ін беріңіз",
    },
    # --- docs/labels/<lang>.yml and the pages' {{ ui.KEY }} -------------------------------------------
    "labels-file": {
        "en": "the file must be a mapping of label keys to texts",
        "ru": "файл должен быть словарём: ключ названия — текст",
        "kk": "файл сөздік болуы керек: атау кілті — мәтін",
    },
    "label-key": {
        "en": "label key '{key}' must be lower-case latin words joined by '-'",
        "ru": "ключ названия «{key}» должен состоять из латинских строчных слов через «-»",
        "kk": "«{key}» атау кілті «-» арқылы жалғанған, кіші латын әріптерімен жазылған сөздерден тұруы керек",
    },
    "label-not-here": {
        "en": "label '{key}' is in {other}.yml but not here",
        "ru": "название «{key}» есть в {other}.yml, а здесь нет: добавьте его",
        "kk": "«{key}» атауы {other}.yml ішінде бар, ал мұнда жоқ: оны қосыңыз",
    },
    "label-unknown": {
        "en": "unknown portal label '{{{{ ui.{key} }}}}': add it to docs/labels/*.yml",
        "ru": "названия портала «{{{{ ui.{key} }}}}» нет: исправьте ключ или добавьте его в оба файла docs/labels/*.yml",
        "kk": "«{{{{ ui.{key} }}}}» деген портал атауы жоқ: кілтті түзетіңіз немесе оны docs/labels/*.yml екі "
              "файлына да қосыңыз",
    },
    # --- docs/site-strings.yml and the templates, scripts and Python that use its strings -------------
    "strings-file": {
        "en": "the file must be a mapping of string ids to {{ru: ..., kk: ...}}",
        "ru": "файл должен быть словарём: id строки — {{ru: ..., kk: ...}}",
        "kk": "файл сөздік болуы керек: жол id-і — {{ru: ..., kk: ...}}",
    },
    "string-unknown": {
        "en": "interface string '{id}' is not in {file}: add it (ru and kk) or correct the id",
        "ru": "строки интерфейса «{id}» нет в {file}: добавьте её (ru и kk) или исправьте id",
        "kk": "«{id}» интерфейс жолы {file} ішінде жоқ: оны қосыңыз (ru және kk) немесе id-ді түзетіңіз",
    },
    "placeholder-unfilled": {
        "en": "'{placeholder}' in {lang} is filled in by no template or script (they fill in: {filled})",
        "ru": "«{placeholder}» ({lang}) не подставляет ни один шаблон или скрипт (они подставляют: {filled}): "
              "исправьте подстановку",
        "kk": "«{placeholder}» ({lang}) орнына ешбір үлгі не скрипт мән қоймайды (олар қоятыны: {filled}): "
              "оны түзетіңіз",
    },
    "placeholder-missing": {
        "en": "the {lang} text lacks '{placeholder}', which its template or script fills in",
        "ru": "в тексте {lang} нет «{placeholder}», который подставляет шаблон или скрипт: верните его",
        "kk": "{lang} мәтінінде үлгі не скрипт мән қоятын «{placeholder}» жоқ: оны қайтарыңыз",
    },
    # --- docs/triage.yml, the decision tree ------------------------------------------------------------
    "tree-file": {
        "en": "the tree must be a mapping with 'version', 'start' and 'nodes'",
        "ru": "дерево должно быть словарём с ключами «version», «start» и «nodes»",
        "kk": "ағаш «version», «start» және «nodes» кілттері бар сөздік болуы керек",
    },
    "tree-nodes": {
        "en": "'nodes' must be a mapping of node ids to nodes",
        "ru": "«nodes» должно быть словарём: id узла — узел",
        "kk": "«nodes» сөздік болуы керек: түйін id-і — түйін",
    },
    "tree-version": {
        "en": "'version' must be 1",
        "ru": "«version» должно быть 1: напишите version: 1",
        "kk": "«version» мәні 1 болуы керек: version: 1 деп жазыңыз",
    },
    "tree-start": {
        "en": "'start' names no node: '{start}'",
        "ru": "в «start» указан несуществующий узел «{start}»: укажите id существующего узла",
        "kk": "«start» ішінде жоқ «{start}» түйіні көрсетілген: бар түйіннің id-ін жазыңыз",
    },
    "node-id": {
        "en": "node id must be lower-case letters, digits and '-'",
        "ru": "id узла пишется строчными латинскими буквами, цифрами и «-»: переименуйте узел и ссылки на него",
        "kk": "түйін id-і кіші латын әріптерінен, цифрлардан және «-» белгісінен тұрады: түйіннің атын және оған "
              "апаратын сілтемелерді өзгертіңіз",
    },
    "node-not-mapping": {
        "en": "a node must be a mapping",
        "ru": "узел должен быть словарём (kind, title, …)",
        "kk": "түйін сөздік болуы керек (kind, title, …)",
    },
    "node-kind": {
        "en": "unknown kind '{kind}' (use one of: {kinds})",
        "ru": "неизвестный вид узла «{kind}»: укажите один из: {kinds}",
        "kk": "«{kind}» деген белгісіз түйін түрі: мыналардың бірін жазыңыз: {kinds}",
    },
    "question-choices": {
        "en": "a question needs two or more choices, it has {count}",
        "ru": "у вопроса должно быть два варианта или больше, а их {count}: добавьте вариант или замените вопрос "
              "узлом другого вида",
        "kk": "сұрақтың кемінде екі нұсқасы болуы керек, ал мұнда {count}: нұсқа қосыңыз немесе сұрақты басқа "
              "түрдегі түйінмен алмастырыңыз",
    },
    "choice-not-mapping": {
        "en": "choice {index} must be a mapping with 'label' and 'go'",
        "ru": "вариант {index} должен быть словарём с «label» и «go»",
        "kk": "{index}-нұсқа «label» және «go» кілттері бар сөздік болуы керек",
    },
    "choice-no-go": {
        "en": "choice {index} has no 'go'",
        "ru": "у варианта {index} нет «go»: укажите, к какому узлу он ведёт",
        "kk": "{index}-нұсқада «go» жоқ: ол қай түйінге апаратынын жазыңыз",
    },
    "answer-articles": {
        "en": "an answer needs at least one article",
        "ru": "у ответа должна быть хотя бы одна статья: добавьте «articles»",
        "kk": "жауапта кемінде бір мақала болуы керек: «articles» қосыңыз",
    },
    "answer-unresolved": {
        "en": "an answer needs 'unresolved': where \"I still need help\" leads",
        "ru": "у ответа нет «unresolved»: укажите, куда ведёт кнопка «Мне всё ещё нужна помощь»",
        "kk": "жауапта «unresolved» жоқ: «Маған әлі де көмек керек» батырмасы қайда апаратынын жазыңыз",
    },
    "refer-contacts": {
        "en": "a refer node needs 'contacts': who answers instead, ids from docs/contacts.yml",
        "ru": "у узла refer нет «contacts»: укажите, кто отвечает вместо поддержки (id из docs/contacts.yml)",
        "kk": "refer түйінінде «contacts» жоқ: қолдаудың орнына кім жауап беретінін жазыңыз (docs/contacts.yml "
              "ішіндегі id)",
    },
    "form-topic": {
        "en": "a form needs a 'topic' from docs/topics.yml",
        "ru": "у формы нет «topic»: укажите тему из docs/topics.yml",
        "kk": "формада «topic» жоқ: docs/topics.yml ішіндегі тақырыпты жазыңыз",
    },
    "form-fields": {
        "en": "a form needs at least one field",
        "ru": "у формы должно быть хотя бы одно поле: добавьте его в «fields»",
        "kk": "формада кемінде бір өріс болуы керек: оны «fields» тізіміне қосыңыз",
    },
    "field-not-mapping": {
        "en": "field {index} must be a mapping",
        "ru": "поле {index} должно быть словарём (id, type, label, …)",
        "kk": "{index}-өріс сөздік болуы керек (id, type, label, …)",
    },
    "field-id": {
        "en": "{where} needs an 'id' of lower-case letters, digits and '-'",
        "ru": "у {where} нужен «id» из строчных латинских букв, цифр и «-»",
        "kk": "{where} үшін кіші латын әріптерінен, цифрлардан және «-» белгісінен тұратын «id» керек",
    },
    "field-id-twice": {
        "en": "two fields have the id '{id}'",
        "ru": "у двух полей один и тот же id «{id}»: дайте каждому свой",
        "kk": "екі өрістің id-і бірдей — «{id}»: әрқайсысына өз id-ін беріңіз",
    },
    "field-type": {
        "en": "field '{id}' has unknown type '{type}' (use one of: {types})",
        "ru": "у поля «{id}» неизвестный тип «{type}»: укажите один из: {types}",
        "kk": "«{id}» өрісінің «{type}» деген белгісіз түрі бар: мыналардың бірін жазыңыз: {types}",
    },
    "field-min-length": {
        "en": "field '{id}': 'min_length' is a positive number, for text and textarea only",
        "ru": "поле «{id}»: «min_length» — число больше нуля, и только у text и textarea",
        "kk": "«{id}» өрісі: «min_length» — нөлден үлкен сан, тек text пен textarea өрістеріне қойылады",
    },
    "field-min-length-max": {
        "en": "field '{id}': 'min_length' {min_length} is more than a {type} field takes ({max} characters)",
        "ru": "поле «{id}»: «min_length» {min_length} больше, чем вмещает поле {type} ({max} знаков): уменьшите число",
        "kk": "«{id}» өрісі: «min_length» {min_length} — {type} өрісі сыйғызатыннан ({max} таңба) көп: санды "
              "азайтыңыз",
    },
    "select-options": {
        "en": "select '{id}' has no options",
        "ru": "у списка «{id}» нет вариантов: добавьте «options»",
        "kk": "«{id}» тізімінде нұсқалар жоқ: «options» қосыңыз",
    },
    "field-options": {
        "en": "field '{id}': only a select has options",
        "ru": "поле «{id}»: варианты («options») бывают только у select — уберите их или смените тип",
        "kk": "«{id}» өрісі: нұсқалар («options») тек select өрісінде болады — оларды алып тастаңыз немесе түрін "
              "өзгертіңіз",
    },
    "leads-nowhere": {
        "en": "leads to '{target}', which is no node",
        "ru": "ведёт к «{target}», а такого узла нет: исправьте «go» или «unresolved»",
        "kk": "«{target}» түйініне апарады, бірақ мұндай түйін жоқ: «go» немесе «unresolved» мәнін түзетіңіз",
    },
    "cycle": {
        "en": "cycle: {cycle}",
        "ru": "путь замыкается в круг: {cycle}; поменяйте «go» или «unresolved»",
        "kk": "жол шеңбер болып тұйықталады: {cycle}; «go» немесе «unresolved» мәнін өзгертіңіз",
    },
    "unreachable": {
        "en": "cannot be reached from start",
        "ru": "до узла нельзя дойти от start: добавьте вариант, который ведёт к нему, или удалите узел",
        "kk": "бұл түйінге start түйінінен жету мүмкін емес: оған апаратын нұсқа қосыңыз немесе түйінді өшіріңіз",
    },
    "article-missing": {
        "en": "article '{page}' does not exist in docs/{lang}/",
        "ru": "статьи «{page}» нет в docs/{lang}/: проверьте путь или напишите статью",
        "kk": "docs/{lang}/ ішінде «{page}» мақаласы жоқ: жолын тексеріңіз немесе мақаланы жазыңыз",
    },
    "anchor-missing": {
        "en": "anchor '#{anchor}' is not on docs/{lang}/{page}",
        "ru": "на docs/{lang}/{page} нет якоря «#{anchor}»: проверьте id заголовка",
        "kk": "docs/{lang}/{page} бетінде «#{anchor}» зәкірі жоқ: тақырыпшаның id-ін тексеріңіз",
    },
    "rule-missing": {
        "en": "rule '{rule}' is not on the rules page",
        "ru": "правила «{rule}» нет на странице правил: проверьте номер",
        "kk": "қағидалар бетінде «{rule}» тармағы жоқ: нөмірін тексеріңіз",
    },
    "contact-missing": {
        "en": "contact '{contact}' is not in docs/contacts.yml",
        "ru": "контакта «{contact}» нет в docs/contacts.yml: укажите id оттуда или добавьте контакт",
        "kk": "docs/contacts.yml ішінде «{contact}» байланысы жоқ: сондағы id-ді жазыңыз немесе байланысты қосыңыз",
    },
    "topic-missing": {
        "en": "topic '{topic}' is not in docs/topics.yml",
        "ru": "темы «{topic}» нет в docs/topics.yml: укажите id темы оттуда или добавьте тему",
        "kk": "docs/topics.yml ішінде «{topic}» тақырыбы жоқ: сондағы id-ді жазыңыз немесе тақырыпты қосыңыз",
    },
    # --- docs/topics.yml, docs/glossary.yml, docs/contacts.yml -----------------------------------------
    "topics-file": {
        "en": "the file must hold 'topics', a mapping of topic ids",
        "ru": "в файле должен быть ключ «topics» — словарь с id тем",
        "kk": "файлда «topics» кілті болуы керек — тақырып id-лерінің сөздігі",
    },
    "glossary-file": {
        "en": "the file must hold 'terms', a list",
        "ru": "в файле должен быть ключ «terms» со списком",
        "kk": "файлда тізімі бар «terms» кілті болуы керек",
    },
    "contacts-file": {
        "en": "the file must hold 'contacts', a mapping of id: {{name, how, phone, url}}",
        "ru": "в файле должен быть ключ «contacts» — словарь id: {{name, how, phone, url}}",
        "kk": "файлда «contacts» кілті болуы керек — id: {{name, how, phone, url}} сөздігі",
    },
    "contact-id": {
        "en": "an id is lower-case letters, digits and '-'",
        "ru": "id пишется строчными латинскими буквами, цифрами и «-»",
        "kk": "id кіші латын әріптерінен, цифрлардан және «-» белгісінен тұрады",
    },
    "contact-not-mapping": {
        "en": "a contact must be a mapping {{name, how, phone, url}}",
        "ru": "контакт должен быть словарём {{name, how, phone, url}}",
        "kk": "байланыс {{name, how, phone, url}} сөздігі болуы керек",
    },
    "contact-phone": {
        "en": "phone '{phone}' must be digits as dialled, e.g. \"1414\"",
        "ru": "телефон «{phone}» пишется цифрами, как его набирают, например \"1414\"",
        "kk": "«{phone}» телефоны терілетін күйінде, тек цифрлармен жазылады, мысалы \"1414\"",
    },
    "contact-url": {
        "en": "url '{url}' must be a whole https:// address",
        "ru": "адрес «{url}» должен быть полным, с https://",
        "kk": "«{url}» мекенжайы https:// деп басталатын толық мекенжай болуы керек",
    },
    "contact-reach": {
        "en": "give a 'phone' or a 'url': how to reach them",
        "ru": "укажите «phone» или «url»: как с ними связаться",
        "kk": "«phone» немесе «url» жазыңыз: олармен қалай байланысуға болатыны",
    },
    # --- docs/support-calendar.yml ----------------------------------------------------------------------
    "calendar-file": {
        "en": "the file must be a mapping with holiday_names and days",
        "ru": "файл должен быть словарём с ключами holiday_names и days",
        "kk": "файл holiday_names және days кілттері бар сөздік болуы керек",
    },
    "day-source": {
        "en": "'source' must name the decree or announcement",
        "ru": "в «source» укажите постановление или объявление",
        "kk": "«source» ішінде қаулыны немесе хабарландыруды көрсетіңіз",
    },
    "day-twice": {
        "en": "{date} is already declared on line {first}",
        "ru": "{date} уже указано в строке {first}: одна дата — одна запись, объедините их",
        "kk": "{date} {first}-жолда бұрын жазылған: бір күнге бір ғана жазба болады, оларды біріктіріңіз",
    },
    "day-working-already": {
        "en": "{date} is a {weekday} and already a working day",
        "ru": "{date} — {weekday}, и так рабочий день: working-day нужен только для выходного или праздника",
        "kk": "{date} — {weekday}, онсыз да жұмыс күні: working-day тек демалыс немесе мереке күніне керек",
    },
    "day-holiday-already": {
        "en": "{date} is already a holiday by law ({name_ru})",
        "ru": "{date} уже праздник по закону ({name_ru}): запись day-off или closure не нужна",
        "kk": "{date} заң бойынша онсыз да мереке ({name_kk}): day-off немесе closure жазбасы керек емес",
    },
    "day-off-already": {
        "en": "{date} is a {weekday}, already a day off",
        "ru": "{date} — {weekday}, и так выходной: возможно, нужен working-day или другая дата",
        "kk": "{date} — {weekday}, онсыз да демалыс күні: бәлкім, working-day жазбасы керек немесе күні басқа",
    },
    "holiday-unnamed": {
        "en": "holiday '{name}' from the holidays package has no name in holiday_names: add its Russian and "
              "Kazakh names",
        "ru": "у праздника «{name}» из пакета holidays нет названия в holiday_names: добавьте его русское и "
              "казахское названия",
        "kk": "holidays пакетіндегі «{name}» мерекесінің holiday_names ішінде атауы жоқ: оның орысша және қазақша "
              "атауын қосыңыз",
    },
    "calendar-ends-soon": {
        "en": "the support calendar ends on {last}, less than {days} days after the build date: raise calendar: "
              "years_ahead of the support-kb plugin in mkdocs.yml",
        "ru": "календарь поддержки заканчивается {last}, меньше чем через {days} дней после сборки: увеличьте "
              "calendar: years_ahead плагина support-kb в mkdocs.yml",
        "kk": "қолдау күнтізбесі {last} күні бітеді — сайт құрастырылғаннан кейін {days} күнге жетпейді: mkdocs.yml ішіндегі "
              "support-kb плагинінің calendar: years_ahead мәнін көбейтіңіз",
    },
    # --- docs/rules-editions.yml ------------------------------------------------------------------------
    "editions-file": {
        "en": "the file must hold one key, 'editions', with a list",
        "ru": "в файле должен быть один ключ, «editions», со списком",
        "kk": "файлда бір ғана кілт болуы керек — тізімі бар «editions»",
    },
    "edition-future": {
        "en": "{date} is in the future: add the edition on the day it is published",
        "ru": "{date} ещё не наступило: добавляйте редакцию в день её публикации",
        "kk": "{date} әлі келген жоқ: редакцияны жарияланған күні қосыңыз",
    },
    "edition-rules": {
        "en": "'rules' must be 'all' or a list of rule numbers like \"30-8\"",
        "ru": "«rules» — это all или список номеров правил, например [\"30-8\"]",
        "kk": "«rules» мәні all немесе тармақ нөмірлерінің тізімі болуы керек, мысалы [\"30-8\"]",
    },
    "edition-rule-missing": {
        "en": "rule '{rule}' is not on the rules page in both languages",
        "ru": "правила «{rule}» нет на странице правил хотя бы на одном языке: проверьте номер",
        "kk": "«{rule}» тармағы қағидалар бетінде тілдердің кемінде біреуінде жоқ: нөмірін тексеріңіз",
    },
    "edition-date-twice": {
        "en": "two editions have the date {date}",
        "ru": "у двух редакций одна дата, {date}: объедините их в одну",
        "kk": "екі редакцияның күні бірдей — {date}: оларды біреуге біріктіріңіз",
    },
    "editions-order": {
        "en": "editions must be listed newest first",
        "ru": "редакции должны идти от новой к старой: поставьте новую наверх",
        "kk": "редакциялар жаңасынан ескісіне қарай тізілуі керек: жаңасын жоғарыға қойыңыз",
    },
    "editions-none": {
        "en": "there is no edition",
        "ru": "нет ни одной редакции: добавьте первую",
        "kk": "бірде-бір редакция жоқ: біріншісін қосыңыз",
    },
    # --- docs/notices.yml -------------------------------------------------------------------------------
    "notice-id": {
        "en": "'id' must be lower-case letters, digits and '-', e.g. sms-delay-2026-12-08",
        "ru": "«id» пишется строчными латинскими буквами, цифрами и «-», например sms-delay-2026-12-08",
        "kk": "«id» кіші латын әріптерінен, цифрлардан және «-» белгісінен тұрады, мысалы sms-delay-2026-12-08",
    },
    "notice-id-twice": {
        "en": "two notices have the id '{id}' (the other is on line {other}): give each notice its own id",
        "ru": "у двух уведомлений один id «{id}» (второе — в строке {other}): дайте каждому свой id",
        "kk": "екі хабарландырудың id-і бірдей — «{id}» (екіншісі {other}-жолда): әрқайсысына өз id-ін беріңіз",
    },
    "notice-time": {
        "en": "'{field}' must be a date and time written YYYY-MM-DD HH:MM (Astana time), e.g. 2026-12-08 10:00",
        "ru": "«{field}» должно быть датой и временем вида ГГГГ-ММ-ДД ЧЧ:ММ (время Астаны), например 2026-12-08 10:00",
        "kk": "«{field}» мәні ЖЖЖЖ-АА-КК СС:ММ түріндегі күн мен уақыт болуы керек (Астана уақыты), мысалы "
              "2026-12-08 10:00",
    },
    "notice-impossible-time": {
        "en": "'{field}' '{value}' is not a real date and time",
        "ru": "«{field}» «{value}» — несуществующие дата и время: проверьте их",
        "kk": "«{field}» «{value}» — мұндай күн мен уақыт жоқ: оларды тексеріңіз",
    },
    "notice-ends-first": {
        "en": "'ends' ({ends}) must be after 'starts' ({starts})",
        "ru": "«ends» ({ends}) должно быть позже «starts» ({starts})",
        "kk": "«ends» ({ends}) «starts» ({starts}) уақытынан кейін болуы керек",
    },
    "notice-closes-chat-without-end": {
        "en": "a notice that closes the chat needs 'ends', when the chat opens again",
        "ru": "уведомлению, которое закрывает чат, нужно «ends» — когда чат откроется снова",
        "kk": "чатты жабатын хабарландыруға «ends» керек — чат қайта ашылатын уақыт",
    },
    "notice-announce-kind": {
        "en": "'announce_days' is for planned maintenance only",
        "ru": "«announce_days» бывает только у плановых работ (kind: maintenance)",
        "kk": "«announce_days» тек жоспарлы жұмыстарға қойылады (kind: maintenance)",
    },
    "notice-announce-days": {
        "en": "'announce_days' must be a whole number of days from 0 to 60",
        "ru": "«announce_days» — целое число дней от 0 до 60",
        "kk": "«announce_days» — 0-ден 60-қа дейінгі бүтін күн саны",
    },
    "notice-update-outside": {
        "en": "the update at {at} is outside the notice's time ({starts} … {ends})",
        "ru": "обновление от {at} — вне времени уведомления ({starts} … {ends}): исправьте время",
        "kk": "{at} жаңартуы хабарландыру уақытынан тыс ({starts} … {ends}): уақытын түзетіңіз",
    },
    "notice-update-before": {
        "en": "the update at {at} is outside the notice's time (from {starts})",
        "ru": "обновление от {at} — раньше начала уведомления ({starts}): исправьте время",
        "kk": "{at} жаңартуы хабарландыру басталатын уақыттан ({starts}) бұрын тұр: уақытын түзетіңіз",
    },
    # --- docs/search-synonyms.yml, docs/search-ranking.yml ---------------------------------------------
    "synonyms-file": {
        "en": "the file must map 'ru' and 'kk' to lists of synonym groups",
        "ru": "в файле должны быть ключи «ru» и «kk» со списками групп синонимов",
        "kk": "файлда синоним топтарының тізімдері бар «ru» және «kk» кілттері болуы керек",
    },
    "synonym-group-size": {
        "en": "a group lists two or more words or phrases",
        "ru": "в группе должно быть два слова или выражения или больше",
        "kk": "топта кемінде екі сөз немесе тіркес болуы керек",
    },
    "synonym-group-words": {
        "en": "every word or phrase of a group must be a non-empty string",
        "ru": "каждое слово или выражение группы должно быть непустым текстом",
        "kk": "топтағы әр сөз не тіркес бос емес мәтін болуы керек",
    },
    "ranking-file": {
        "en": "the file must be a mapping of weights, matches, weak, ru and kk",
        "ru": "файл должен быть словарём с ключами weights, matches, weak, ru и kk",
        "kk": "файл weights, matches, weak, ru және kk кілттері бар сөздік болуы керек",
    },
    "ranking-section": {
        "en": "'{section}' must map {names} to numbers",
        "ru": "в «{section}» должны быть числа для {names}",
        "kk": "«{section}» ішінде {names} үшін сандар болуы керек",
    },
    "ranking-number": {
        "en": "'{name}' must be a number above 0",
        "ru": "«{name}» должно быть числом больше 0",
        "kk": "«{name}» мәні 0-ден үлкен сан болуы керек",
    },
    "ranking-numbers": {
        "en": "'{name}' must be a list of {count} numbers above 0",
        "ru": "«{name}» должно быть списком из {count} чисел больше 0",
        "kk": "«{name}» мәні 0-ден үлкен {count} саннан тұратын тізім болуы керек",
    },
    "ranking-pages": {
        "en": "'pages' must map page paths (as glossary/) to numbers above 0",
        "ru": "в «pages» каждому пути страницы (как glossary/) должно соответствовать число больше 0",
        "kk": "«pages» ішінде әр бет жолына (glossary/ сияқты) 0-ден үлкен сан сәйкес келуі керек",
    },
    "ranking-lists": {
        "en": "'{lang}' must map stop_words and weak_words to lists of words",
        "ru": "в «{lang}» должны быть stop_words и weak_words со списками слов",
        "kk": "«{lang}» ішінде сөз тізімдері бар stop_words және weak_words болуы керек",
    },
    "ranking-words": {
        "en": "'{name}' must be a list of words",
        "ru": "«{name}» должно быть списком слов",
        "kk": "«{name}» сөздер тізімі болуы керек",
    },
    "ranking-both": {
        "en": "'{word}' is both a stop word and a weak word: keep one",
        "ru": "«{word}» указано и в stop_words, и в weak_words: оставьте в одном списке",
        "kk": "«{word}» stop_words тізімінде де, weak_words тізімінде де бар: біреуінде ғана қалдырыңыз",
    },
    # --- the chat hand-off's settings (chat: of the support-kb plugin in mkdocs.yml) ------------------
    # --- mkdocs.yml (support_kb.checks.mkdocs_yml) ------------------------------------------------
    "plugin-missing": {
        "en": "the site needs the '{plugin}' plugin ({what}): put it back under plugins: as it was "
              "(git log -p mkdocs.yml shows it)",
        "ru": "сайту нужен плагин «{plugin}» ({what}): верните его в список plugins: в прежнем виде "
              "(прежний покажет git log -p mkdocs.yml)",
        "kk": "сайтқа «{plugin}» плагині керек ({what}): оны plugins: тізіміне бұрынғы күйінде қайтарыңыз "
              "(бұрынғы күйін git log -p mkdocs.yml көрсетеді)",
    },
    "chat-provider": {
        "en": "unknown chat provider '{provider}': use one of {allowed}",
        "ru": "неизвестный чат «{provider}»: укажите один из {allowed}",
        "kk": "«{provider}» деген белгісіз чат: мыналардың бірін жазыңыз: {allowed}",
    },
    "chat-needs": {
        "en": "the '{provider}' provider needs `{setting}:`",
        "ru": "для чата «{provider}» нужна настройка `{setting}:`: добавьте её",
        "kk": "«{provider}» чатына `{setting}:` баптауы керек: оны қосыңыз",
    },
    "chat-url": {
        "en": "the chat address must start with https:// and contain {{message}} "
              "(best in the fragment: https://…/chat#message={{message}})",
        "ru": "адрес чата должен начинаться с https:// и содержать {{message}} "
              "(лучше во фрагменте: https://…/chat#message={{message}})",
        "kk": "чат мекенжайы https:// деп басталып, ішінде {{message}} болуы керек "
              "(фрагментте болғаны жақсы: https://…/chat#message={{message}})",
    },
    "chat-telegram": {
        "en": "a Telegram username: 5–32 Latin letters, digits or '_', without t.me/",
        "ru": "имя пользователя Telegram: 5–32 латинские буквы, цифры или «_», без t.me/",
        "kk": "Telegram пайдаланушы аты: 5–32 латын әрпі, цифр немесе «_», t.me/ деп жазбай",
    },
    "chat-whatsapp": {
        "en": "the full international number, digits only (e.g. 77012345678)",
        "ru": "полный международный номер, только цифры (например, 77012345678)",
        "kk": "толық халықаралық нөмір, тек цифрлар (мысалы, 77012345678)",
    },
    "chat-max-url-length": {
        "en": "a whole number of characters, at least 200 (2000 suits every server)",
        "ru": "целое число символов, не меньше 200 (2000 подходит любому серверу)",
        "kk": "таңбалардың бүтін саны, кемінде 200 (2000 кез келген серверге жарайды)",
    },
    "chat-widget-origins": {
        "en": "a list of origins such as https://code.jivo.ru, without paths",
        "ru": "список источников вида https://code.jivo.ru, без путей",
        "kk": "https://code.jivo.ru сияқты мекенжайлар тізімі (хаттама мен домен ғана, жолсыз)",
    },
}

# Values that are words themselves, by the name of the value in a message: what a value must be
# (`expected`) and what was written (`given`), a weekday (ISO number).
_KINDS = {
    "en": {"text": "a text", "texts": "a mapping {ru: ..., kk: ...}", "number": "a whole number",
           "true-false": "true or false", "date": "a date written YYYY-MM-DD",
           "datetime": "a date and time written YYYY-MM-DD HH:MM+05:00", "list": "a list", "mapping": "a mapping",
           "nothing": "nothing", "time-of-day": "a time of day written HH:MM in quotes"},
    "ru": {"text": "текст", "texts": "словарь {ru: ..., kk: ...}", "number": "целое число", "true-false": "true или false",
           "date": "дата вида ГГГГ-ММ-ДД", "datetime": "дата и время вида ГГГГ-ММ-ДД ЧЧ:ММ+05:00", "list": "список",
           "mapping": "словарь", "nothing": "ничего", "time-of-day": "время вида ЧЧ:ММ в кавычках"},
    "kk": {"text": "мәтін", "texts": "{ru: ..., kk: ...} сөздігі", "number": "бүтін сан", "true-false": "true немесе false",
           "date": "ЖЖЖЖ-АА-КК түріндегі күн", "datetime": "ЖЖЖЖ-АА-КК СС:ММ+05:00 түріндегі күн мен уақыт",
           "list": "тізім", "mapping": "сөздік", "nothing": "ештеңе", "time-of-day": "тырнақшадағы СС:ММ түріндегі уақыт"},
}
_GIVEN = {
    "en": {"texts": "a mapping", "number": "a number", "date": "a date", "datetime": "a date and time",
           "datetime-naive": "a date and time without its UTC offset"},
    "ru": {"texts": "словарь", "number": "число", "date": "дата", "datetime": "дата и время",
           "datetime-naive": "дата и время без смещения от UTC"},
    "kk": {"texts": "сөздік", "number": "сан", "date": "күн", "datetime": "күн мен уақыт",
           "datetime-naive": "UTC-ден ығысуы жоқ күн мен уақыт"},
}
_WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "ru": ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"],
    "kk": ["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"],
}
# What each plugin the site needs brings (mkdocs.yml's plugins:).
_PLUGINS = {
    "en": {"search": "the site's search, in the page's language", "i18n": "the Kazakh pages under /kk/",
           "support-kb": "the form, the chat's hours, the calendar and the build's checks"},
    "ru": {"search": "поиск по сайту на языке страницы", "i18n": "казахские страницы в /kk/",
           "support-kb": "форма «Прежде чем спросить», часы чата, календарь и проверки сборки"},
    "kk": {"search": "сайт бойынша беттің тілінде іздеу", "i18n": "/kk/ ішіндегі қазақша беттер",
           "support-kb": "«Сұрамас бұрын» формасы, чаттың жұмыс уақыты, күнтізбе және құрастыру кезіндегі тексерулер"},
}
NAMES = {
    "what": _PLUGINS,
    "expected": _KINDS,
    "given": {lang: {**_KINDS[lang], **_GIVEN[lang]} for lang in LANGUAGES},
    "weekday": {lang: dict(enumerate(names, 1)) for lang, names in _WEEKDAYS.items()},
}


def say(code: str, params: dict, lang: str) -> str:
    """The message `code` with its values, in `lang` (en, ru, kk)."""
    values = {key: NAMES[key][lang].get(value, value) if key in NAMES else value for key, value in params.items()}
    return MESSAGES[code][lang].format(**values)
