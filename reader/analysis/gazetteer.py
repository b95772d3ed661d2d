"""Word lists the built-in engine uses: places, nationalities, organisations, titles, names.

General knowledge of news text, not of any one article: countries and their people, capitals
and large cities, states and regions, seas and continents, well-known organisations and
publications, the titles that precede a person's name, and common given names.
"""

from __future__ import annotations


def _entries(text: str) -> frozenset[str]:
    # Entries are separated by "|"; a line break inside an entry is a space ("White\nHouse").
    return frozenset(" ".join(item.split()) for item in text.split("|") if item.strip())


COUNTRIES = _entries("""
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|
Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and
Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape
Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|
Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El
Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|
Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|
Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|
Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|
Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|
Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|
Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North
Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|
Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|
Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|
Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|
Timor-Leste|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|
Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|
Wales|Northern Ireland|United States|United States of America|US|U.S.|USA|America|Uruguay|
Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Greenland|Hong Kong|Macau|
Puerto Rico|Crimea|Gaza|West Bank|Donbas|Donbass|Kashmir|Tibet|Catalonia|Chechnya|Abkhazia|
Transnistria|Soviet Union|USSR
""")

CITIES = _entries("""
Abu Dhabi|Abuja|City of London|Accra|Addis Ababa|Aleppo|Algiers|Amman|Amsterdam|Ankara|Antwerp|Astana|Athens|
Atlanta|Auckland|Austin|Baghdad|Baku|Baltimore|Bamako|Bangkok|Barcelona|Basra|Beijing|Beirut|
Belgrade|Berlin|Bern|Birmingham|Bogota|Bogotá|Bologna|Bonn|Bordeaux|Boston|Brasilia|Brasília|
Bratislava|Brisbane|Bristol|Brussels|Bucharest|Budapest|Buenos Aires|Cairo|Calgary|Canberra|
Cape Town|Caracas|Casablanca|Chicago|Chisinau|Copenhagen|Dakar|Dallas|Damascus|Delhi|New Delhi|
Denver|Detroit|Dhaka|Doha|Donetsk|Dubai|Dublin|Dushanbe|Edinburgh|Frankfurt|Geneva|Genoa|Glasgow|
Gothenburg|Hamburg|Hanoi|Harare|Havana|Helsinki|Hiroshima|Ho Chi Minh City|Honolulu|Houston|
Islamabad|Istanbul|Jakarta|Jerusalem|Johannesburg|Kabul|Kampala|Karachi|Kathmandu|Kharkiv|
Kharkov|Khartoum|Kherson|Kiev|Kyiv|Kinshasa|Kolkata|Kuala Lumpur|Kyoto|Lagos|Lahore|La Paz|Las
Vegas|Leeds|Leipzig|Lille|Lima|Lisbon|Liverpool|Ljubljana|London|Los Angeles|Luanda|Luhansk|
Lusaka|Luxembourg City|Lviv|Lyon|Madrid|Managua|Manchester|Manila|Maputo|Mariupol|Marseille|
Mecca|Medina|Melbourne|Mexico City|Miami|Milan|Minsk|Mogadishu|Monrovia|Montevideo|Montreal|
Moscow|Mosul|Mumbai|Munich|Muscat|Nairobi|Naples|Nashville|New Orleans|New York|New York City|
Nice|Nicosia|Odesa|Odessa|Osaka|Oslo|Ottawa|Paris|Perth|Philadelphia|Phnom Penh|Phoenix|Porto|
Porto Alegre|Prague|Pretoria|Pyongyang|Quebec|Quito|Rabat|Reykjavik|Riga|Rio de Janeiro|Riyadh|
Rome|Rotterdam|San Diego|San Francisco|San Jose|Santiago|Sao Paulo|São Paulo|Sarajevo|Seattle|
Seoul|Sevastopol|Shanghai|Shenzhen|Skopje|Sofia|St Petersburg|St. Petersburg|Stockholm|
Strasbourg|Sydney|Taipei|Tallinn|Tashkent|Tbilisi|Tehran|Tel Aviv|The Hague|Tirana|Tokyo|
Toronto|Tripoli|Tunis|Turin|Ulaanbaatar|Vancouver|Venice|Vienna|Vilnius|Warsaw|Washington|
Wellington|Wuhan|Yangon|Yerevan|Zagreb|Zurich|Brooklyn|Manhattan|Hollywood|Silicon Valley|
Gdansk|Krakow|Kraków|Bakhmut|Zaporizhzhia|Dnipro|Belgorod|Kursk|Vladivostok|Novosibirsk|Mykolaiv
""")

STATES = _entries("""
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|
Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|
Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|
North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|
Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Ontario|British Columbia|
Alberta|Bavaria|Saxony|Queensland|New South Wales|Victoria|Tasmania|Punjab|Kerala|Bengal|
Xinjiang|Guangdong|Sichuan|Hokkaido|Okinawa|Lombardy|Tuscany|Sicily|Sardinia|Corsica|
Andalusia|Galicia|Flanders|Wallonia|Kurdistan|Darfur|Tigray
""")

LOCATIONS = _entries("""
Africa|Asia|Europe|North America|South America|Latin America|Central America|Antarctica|Arctic|
Oceania|Eurasia|Middle East|Near East|Far East|Balkans|Baltics|Caucasus|Scandinavia|Siberia|
Sahara|Sahel|Maghreb|Horn of Africa|Central Asia|Southeast Asia|South Asia|East Asia|Western
Europe|Eastern Europe|Central Europe|Northern Europe|Southern Europe|Mediterranean|Atlantic|
Pacific|Indian Ocean|Arctic Ocean|Atlantic Ocean|Pacific Ocean|Black Sea|Baltic Sea|North Sea|
Red Sea|Caspian Sea|Dead Sea|Aegean|Aegean Sea|Adriatic|Adriatic Sea|South China Sea|East China
Sea|Sea of Azov|Sea of Japan|Persian Gulf|Gulf of Mexico|Gulf of Aden|Caribbean|Caribbean Sea|
Mediterranean Sea|English Channel|Strait of Hormuz|Taiwan Strait|Bosphorus|Suez Canal|Panama
Canal|Alps|Andes|Himalayas|Urals|Rockies|Amazon|Nile|Danube|Rhine|Thames|Mississippi River|
Dnipro River|Dnieper|Yangtze|Mekong|Euphrates|Tigris|Jordan River|Golan Heights|Sinai|
Western Hemisphere|Northern Hemisphere|Southern Hemisphere|Persian Gulf region|Black Sea region|
Korean Peninsula|Arabian Peninsula|Iberian Peninsula|Balkan Peninsula|Crimean Peninsula|
Mount Everest|Great Lakes|Lake Geneva|Sub-Saharan Africa|West Africa|East Africa|North Africa|
Southern Africa|Pacific Northwest|Midwest|Deep South|Gulf Coast|East Coast|West Coast
""")

# Nationality and group adjectives (NORP), with the country each points to.
NATIONALITIES = _entries("""
Afghan|Albanian|Algerian|American|Americans|Angolan|Argentine|Argentinian|Armenian|Australian|
Austrian|Azerbaijani|Bangladeshi|Belarusian|Belgian|Bolivian|Bosnian|Brazilian|British|Briton|
Britons|Bulgarian|Burmese|Cambodian|Cameroonian|Canadian|Chilean|Chinese|Colombian|Congolese|
Croatian|Cuban|Cypriot|Czech|Danish|Dutch|Ecuadorian|Egyptian|English|Eritrean|Estonian|
Ethiopian|Filipino|Finnish|French|Georgian|German|Germans|Ghanaian|Greek|Guatemalan|Haitian|
Honduran|Hungarian|Icelandic|Indian|Indonesian|Iranian|Iraqi|Irish|Israeli|Israelis|Italian|
Jamaican|Japanese|Jordanian|Kazakh|Kenyan|Korean|Kosovar|Kurdish|Kuwaiti|Kyrgyz|Latvian|
Lebanese|Libyan|Lithuanian|Macedonian|Malaysian|Malian|Maltese|Mexican|Moldovan|Mongolian|
Montenegrin|Moroccan|Mozambican|Namibian|Nepalese|New Zealander|Nicaraguan|Nigerian|Nigerien|
Norwegian|Pakistani|Palestinian|Palestinians|Panamanian|Paraguayan|Persian|Peruvian|Polish|Pole|
Poles|Portuguese|Qatari|Romanian|Russian|Russians|Rwandan|Saudi|Scottish|Senegalese|Serbian|
Serb|Serbs|Singaporean|Slovak|Slovenian|Somali|South African|South Korean|North Korean|
Spanish|Sri Lankan|Sudanese|Swedish|Swiss|Syrian|Syrians|Taiwanese|Tajik|Tanzanian|Thai|
Tunisian|Turkish|Turk|Turks|Turkmen|Ugandan|Ukrainian|Ukrainians|Uruguayan|Uzbek|Venezuelan|
Vietnamese|Welsh|Yemeni|Zambian|Zimbabwean|European|Europeans|African|Africans|Asian|Asians|
Arab|Arabs|Arabic|Latin American|Latino|Latina|Latinos|Hispanic|Western|Westerners|Soviet|
Soviets|Nordic|Scandinavian|Baltic|Balkan|Slavic|Caucasian|Middle Eastern|North American|South
American|Central American|Christian|Christians|Catholic|Catholics|Protestant|Protestants|
Orthodox|Muslim|Muslims|Islamic|Jewish|Jews|Jew|Hindu|Hindus|Buddhist|Buddhists|Sikh|Sikhs|
Sunni|Sunnis|Shia|Shiite|Shiites|Kurd|Kurds|Pashtun|Uyghur|Uighur|Uyghurs|Tatar|Tatars|Roma|
Democrat|Democrats|Republican|Republicans|Liberal|Liberals|Conservative|Conservatives|
Communist|Communists|Socialist|Socialists|Bolshevik|Nazi|Nazis|Taliban|Houthi|Houthis|Pole|
Israeli-Palestinian|Russian-American|Franco-German|Anglo-American|Sino-American
""")

# Organisations news text names without a tell-tale word like "Ministry".
ORGANISATIONS = _entries("""
NATO|Nato|UN|U.N.|United Nations|EU|E.U.|European Union|European Commission|European Parliament|
European Council|European Central Bank|ECB|IMF|International Monetary Fund|World Bank|WTO|
World Trade Organization|WHO|World Health Organization|UNESCO|UNICEF|UNHCR|OPEC|OSCE|G7|G20|
ASEAN|African Union|Arab League|Red Cross|Red Crescent|Amnesty International|Human Rights Watch|
Greenpeace|Interpol|Europol|CIA|FBI|NSA|KGB|FSB|GRU|SVR|MI5|MI6|Mossad|Pentagon|Kremlin|White
House|Downing Street|Élysée|Elysee|Bundestag|Duma|State Duma|Knesset|Congress|Senate|House of
Representatives|House of Commons|House of Lords|Parliament|Supreme Court|Federal Reserve|Fed|
Bank of England|Bank of Japan|Wall Street|Nasdaq|Gazprom|Rosneft|Nord Stream|Nord Stream 2|Shell|Real Madrid|Atletico Madrid|Bayern Munich|Inter Milan|AC Milan|
Paris Saint-Germain|Borussia Dortmund|Ajax|Juventus|Barcelona FC|Galatasaray|Benfica|Celtic|
Rangers|Chelsea|Arsenal|Liverpool FC|Tottenham|Manchester United|Manchester City|Naftogaz|Wagner|Wagner Group|Hamas|Hezbollah|Islamic State|ISIS|ISIL|Al-Qaeda|al-Qaeda|
al-Qaida|Boko Haram|Apple|Google|Alphabet|Microsoft|Amazon.com|Meta|Facebook|Twitter|X Corp|
Tesla|SpaceX|OpenAI|Nvidia|Samsung|Huawei|TikTok|ByteDance|Alibaba|Tencent|Toyota|
Volkswagen|BMW|Boeing|Airbus|Lockheed Martin|Raytheon|BP|ExxonMobil|Exxon|Chevron|
TotalEnergies|Aramco|Saudi Aramco|Goldman Sachs|JPMorgan|Morgan Stanley|Citigroup|HSBC|
Barclays|Deutsche Bank|UBS|BlackRock|Pfizer|Moderna|AstraZeneca|BioNTech|Novartis|Siemens|
Nestlé|Nestle|Unilever|Walmart|Disney|Netflix|Uber|Airbnb|Harvard|Yale|
Stanford|MIT|Princeton|Sorbonne|FIFA|UEFA|IOC|NASA|ESA|Roscosmos|Kremlin press service|
Politburo|Taliban government|Labour Party|Conservative Party|Democratic Party|Republican Party|
Tories|SNP|CDU|SPD|AfD|Likud|ANC|BJP|Congress Party|Fidesz|Sinn Fein|Sinn Féin|Frontex|
Eurostat|OECD|BRICS|Commonwealth|Vatican Bank|Holy See|Scotland Yard|Met Police|NHS|BBC|CNN|
NPR|PBS|ABC|CBS|NBC|Fox News|Sky News|Al Jazeera|Xinhua|TASS|RIA Novosti|Interfax|Ukrinform|
Reuters|AP|Associated Press|AFP|Agence France-Presse|Bloomberg|Politico|Axios|Telegraph|Daily
Telegraph|The Telegraph|Guardian|The Guardian|Times|The Times|New York Times|Washington Post|
Wall Street Journal|Financial Times|Economist|The Economist|Le Monde|Le Figaro|Der Spiegel|
Spiegel|Die Zeit|Bild|El País|El Pais|Corriere della Sera|La Repubblica|Kommersant|Izvestia|
Pravda|Novaya Gazeta|Kyiv Independent|Kyiv Post|Haaretz|Times of Israel|Daily Mail|USA Today|Los Angeles Times|Chicago Tribune|Boston Globe|Newsweek|
Forbes|BuzzFeed|HuffPost|Lancet|Expresso|Público|
Publico|Observador|RTP|Lusa|Euronews|Deutsche Welle|DW|RFI|France 24|NHK|Yonhap|Kyodo|Asahi|
Nikkei|South China Morning Post|Global Times|Times of India|Hindustan Times|Rappler|
Meduza|Radio Free Europe|RFE/RL|Voice of America|RT|Sputnik|Channel 4|ITV
""")

# Publications (also ORG): in quotation marks they are titles, not speech.
PUBLICATIONS = _entries("""
Reuters|AP|Associated Press|AFP|Agence France-Presse|Bloomberg|Politico|Axios|Telegraph|Daily
Telegraph|The Telegraph|Guardian|The Guardian|Times|The Times|New York Times|The New York Times|
Washington Post|The Washington Post|Wall Street Journal|The Wall Street Journal|Financial Times|
Economist|The Economist|Le Monde|Le Figaro|Der Spiegel|Spiegel|Die Zeit|Bild|El País|El Pais|
Corriere della Sera|La Repubblica|Kommersant|Izvestia|Pravda|Novaya Gazeta|Kyiv Independent|
Kyiv Post|Haaretz|Times of Israel|Daily Mail|Mirror|Independent|Observer|USA Today|Los Angeles
Times|Chicago Tribune|Boston Globe|Newsweek|Time|Forbes|Fortune|Vox|BuzzFeed|HuffPost|Vice|
Wired|Nature|Science|Lancet|Expresso|Público|Publico|Observador|Lusa|Euronews|Deutsche Welle|
DW|RFI|France 24|NHK|Yonhap|Kyodo|Asahi|Nikkei|South China Morning Post|Global Times|Times of
India|Hindustan Times|Rappler|Meduza|Radio Free Europe|Voice of America|RT|Sputnik|Xinhua|
TASS|RIA Novosti|Interfax|Ukrinform|BBC|CNN|NPR|PBS|ABC|CBS|NBC|Fox News|Sky News|Al Jazeera|
Channel 4|ITV|Kyiv Independent|Ukrainska Pravda
""")

# Words that make a capitalised phrase an organisation ("Russian Defense Ministry").
ORG_HEADS = _entries("""
Ministry|Ministries|Department|Commission|Council|Committee|Agency|Authority|Office|Bureau|
Service|Services|Administration|Government|Cabinet|Parliament|Assembly|Congress|Senate|Court|
Tribunal|Union|Federation|Alliance|League|Coalition|Party|Movement|Front|Army|Navy|Air Force|
Forces|Force|Guard|Police|Corps|Brigade|Brigades|Battalion|Regiment|Command|Bank|Fund|Reserve|
Exchange|Company|Co|Co.|Corp|Corp.|Corporation|Inc|Inc.|Ltd|Ltd.|LLC|PLC|plc|Group|Holdings|
Partners|Industries|Airlines|Airways|Motors|Energy|Oil|Gas|Petroleum|Pharmaceuticals|
Technologies|Systems|Labs|Laboratories|Media|News|Press|Times|Post|Journal|Herald|Tribune|
Gazette|Telegraph|Chronicle|Daily|Weekly|Review|Radio|Television|TV|Network|Broadcasting|
University|College|Institute|Institution|Academy|School|Foundation|Trust|Society|Association|
Organisation|Organization|Centre|Center|Council|Club|Church|Commission's|Secretariat|Directorate|
Inspectorate|Prosecutor's Office|Kremlin|Observatory|Hospital|Clinic|Museum|Library|Orchestra|
Team|United|FC|Rail|Railway|Railways|Airport|Airports|Port|Ports|Transport|Telecom|
Communications|Pharma|Capital|Ventures|Studios|Records|Entertainment|Hotels|Resorts|Health|Committee's|Board|Commissioner's|Embassy|Consulate|Mission|Delegation
""")

# Last words of names that are events, titles or things, never people: "World Cup", "U.S.
# Open", "PGA Tour", "Labor Day", "Fifth Amendment", "Large Hadron Collider".
THING_HEADS = _entries("""
Cup|Cups|Open|Tour|Championship|Championships|Series|Games|Olympics|Grand Prix|Derby|Classic|
Trophy|Medal|Prize|Award|Awards|Festival|Day|Week|Year|War|Wars|Treaty|Accord|Accords|Act|
Amendment|Bill|Plan|Doctrine|Index|Average|Division|Conference|Summit|Declaration|Convention|
Collider|Telescope|Station|Project|Programme|Program|Initiative|Fund|Prize|Bowl|Marathon|Rally
""")

# Last words of names of places made by people or nature: "Ellis Park", "Wall Street".
PLACE_HEADS = _entries("""
Street|Avenue|Road|Square|Park|Stadium|Arena|Bridge|Island|Islands|Bay|Gulf|River|Lake|Sea|
Ocean|Mountains|Mountain|Hills|Valley|Desert|Coast|Peninsula|Strait|Canal|Forest|Beach
""")

# Lower-case words naming a kind of organisation: the name that follows is one.
ORG_TYPE_NOUNS = _entries("""
group|company|firm|giant|agency|party|union|bank|lender|insurer|charity|organisation|
organization|network|broadcaster|newspaper|magazine|tabloid|daily|airline|carrier|carmaker|
automaker|retailer|supermarket|chain|operator|startup|start-up|conglomerate|manufacturer|
maker|producer|publisher|studio|label|club|team|coalition|alliance|movement|militia|faction|
regulator|watchdog|ministry|council|committee|university|institute|foundation|fund|
think-tank|consultancy|brokerage|exchange|platform|app|outlet|channel|station|network
""")

# Titles and roles: cues that a person's name follows (or precedes, after a comma).
PERSON_TITLES = _entries("""
President|Vice President|Vice-President|Prime Minister|Deputy Prime Minister|Minister|Foreign
Minister|Defence Minister|Defense Minister|Finance Minister|Interior Minister|Health Minister|
Secretary|Secretary of State|Secretary-General|Secretary General|Chancellor|Premier|King|Queen|
Prince|Princess|Emperor|Pope|Cardinal|Archbishop|Bishop|Father|Rev|Rev.|Reverend|Rabbi|Imam|
Sheikh|Senator|Sen.|Sen|Representative|Rep.|Rep|Congressman|Congresswoman|Governor|Gov.|Gov|Mayor|
Ambassador|Envoy|General|Gen.|Gen|Lieutenant|Lt.|Colonel|Col.|Col|Major|Maj.|Captain|Capt.|
Admiral|Adm.|Commander|Sergeant|Sgt.|Marshal|Director|Chairman|Chairwoman|Chair|Chief|CEO|
Spokesman|Spokeswoman|Spokesperson|Judge|Justice|Attorney General|Prosecutor|Professor|Prof.|
Dr|Dr.|Doctor|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Sir|Dame|Lord|Lady|Baron|Baroness|Speaker|Leader|
Commissioner|Deputy|Aide|Adviser|Advisor|Counsellor|Councillor|Councilman|Councilwoman|
Coach|Manager|Captain|Officer|Detective|Inspector|Superintendent|Chief Executive|Founder|
Co-founder|President-elect|Tsar|Czar|Ayatollah|Crown Prince|Grand Duke|Dalai Lama|Patriarch|
Metropolitan|Bishop|Field Marshal|Brigadier|Sheriff|Constable|Marshall|Agent
""")

# Lower-case role words that, after a name and a comma, mark it as a person: "X, spokesman for".
# Capitalised before a name ("Curator Anna Ferris") they work as titles.
ROLE_NOUNS = _entries("""
curator|historian|poet|novelist|composer|director|producer|photographer|architect|designer|
engineer|banker|investor|entrepreneur|businessman|businesswoman|diplomat|negotiator|
economist|strategist|pollster|campaigner|protester|survivor|witness|victim|suspect|defendant|
plaintiff|chef|pilot|soldier|veteran|priest|pastor|nun|monk|athlete|striker|goalkeeper|
midfielder|defender|boxer|runner|cyclist|skier|swimmer|tennis player|
spokesman|spokeswoman|spokesperson|president|minister|secretary|director|chairman|chairwoman|
chief|head|leader|founder|editor|analyst|professor|researcher|economist|expert|official|adviser|
advisor|ambassador|envoy|governor|mayor|senator|lawmaker|deputy|commander|general|colonel|
captain|officer|lawyer|attorney|judge|prosecutor|author|writer|journalist|reporter|correspondent|
historian|scientist|doctor|nurse|teacher|student|resident|farmer|owner|manager|coach|player|
actor|actress|singer|artist|activist|candidate|member|representative|aide|who|whose|a|an|the
""")

# Given names, to recognise a person without any other cue (a wide, international sample).
GIVEN_NAMES = _entries("""
Aaron|Abdul|Abdullah|Adam|Adrian|Ahmed|Ahmad|Aisha|Alan|Albert|Aleksander|Aleksandr|Alex|
Alexander|Alexandra|Alexei|Alexey|Ali|Alice|Alicia|Alison|Amanda|Amy|Ana|Andrea|Andrei|Andrew|
Andriy|Angela|Anna|Anne|Anthony|Antonio|Antony|Ariel|Arnold|Arthur|Ashley|Barack|Barbara|Bashar|
Ben|Benjamin|Bernard|Bernie|Beth|Bill|Boris|Brian|Bruce|Carl|Carlos|Carmen|Caroline|Catherine|
Charles|Charlotte|Chris|Christian|Christina|Christine|Christopher|Claire|Claudia|Colin|Daniel|
Danielle|Daria|David|Deborah|Denis|Dennis|Diana|Diego|Dmitri|Dmitry|Dmytro|Donald|Edward|Elena|
Elizabeth|Ellen|Elon|Emily|Emma|Emmanuel|Enrique|Eric|Erik|Ethan|Eva|Fatima|Felipe|Fernando|
Francesca|Francis|Francisco|Frank|Franz|Fred|Friedrich|Gabriel|Gareth|Gary|George|Georgia|
Gerhard|Giorgia|Giuseppe|Gordon|Grace|Gregory|Hakan|Hannah|Hans|Harry|Hassan|Heather|Heinrich|
Helen|Helena|Henry|Hillary|Hugh|Hugo|Hussein|Ian|Igor|Ilya|Ivan|Jack|Jacob|Jacques|Jake|James|
Jamie|Jane|Janet|Jason|Javier|Jean|Jeff|Jeffrey|Jennifer|Jens|Jeremy|Jessica|Jim|Joan|Joao|João|
Joe|Johann|John|Jonathan|Jorge|Jose|José|Joseph|Josh|Joshua|Juan|Julia|Julian|Julie|Justin|Kamala|
Karen|Karim|Karl|Kate|Katherine|Kathleen|Keir|Kevin|Kirill|Klaus|Kyle|Larry|Laura|Lauren|
Leo|Leon|Liam|Linda|Lisa|Liz|Lloyd|Louis|Luca|Lucas|Luis|Luke|Mahmoud|Manuel|Marco|Margaret|
Maria|Mariana|Marie|Marine|Mario|Mark|Marta|Martin|Mary|Matteo|Matthew|Max|Maxim|Mehmet|
Melissa|Michael|Michel|Michelle|Miguel|Mikhail|Mohammed|Mohammad|Muhammad|Nadia|Nancy|Naomi|
Narendra|Natalia|Natasha|Nathan|Nicholas|Nicola|Nicolas|Nikita|Nikolai|Nina|Oleg|Oleksandr|
Oleksiy|Olena|Olga|Olivia|Olaf|Oscar|Pablo|Patricia|Patrick|Paul|Paula|Pedro|Peter|Petro|
Philip|Pierre|Rachel|Rafael|Ramzan|Ravi|Rebecca|Recep|Richard|Rishi|Robert|Roberto|Roger|Roman|
Ron|Ronald|Rosa|Ruth|Ryan|Sadiq|Sam|Samuel|Sandra|Sara|Sarah|Scott|Sebastian|Serge|Sergei|
Sergey|Sergiy|Shinzo|Simon|Sofia|Sophie|Stephen|Steve|Steven|Susan|Svetlana|Tatiana|Theresa|
Thomas|Tim|Timothy|Tom|Tony|Ursula|Valentina|Valery|Vanessa|Victor|Viktor|Vincent|Vladimir|
Volodymyr|Walter|William|Wolfgang|Yaroslav|Yevgeny|Yulia|Yuri|Yusuf|Zelensky|
Olaf|Rutte|Mark|Giorgia|Liz|Justin|Jacinda|Scott|Malcolm|Anthony|Kemi|Rachel|Yvette|Ed|Nigel|
Javier|Gustavo|Claudia|Andrés|Nayib|Cyril|Abiy|Paul|Uhuru|William|Bola|Muhammadu|Recep|
Benjamin|Naftali|Yair|Isaac|Mahmoud|Ismail|Hassan|Ebrahim|Masoud|Ayatollah|Fumio|
Shigeru|Narendra|Rahul|Imran|Shehbaz|Sheikh|Prabowo|Ferdinand|Anwar|Jens|Ursula|
Charles|Antonio|Kaja|Josep|Roberta|Christine|Kristalina|Tedros|Aleksandr|Alexander|Yevgeny|Dmitry
""")

# Family names written first ("Xi Jinping", "Kim Jong Un"): such a person is later called by
# the first word, so these never count as given names.
FAMILY_FIRST = _entries("""
Xi|Li|Wang|Zhang|Liu|Chen|Yang|Zhao|Huang|Zhou|Wu|Sun|Ma|Hu|Guo|Lin|He|Gao|Kim|Lee|Park|Choi|
Moon|Yoon|Tsai|Lai|Ko|Hun|Nguyen|Tran|Pham|Orban|Orbán
""")

# Verbs that report speech: "…,” said X", "X told reporters", "X tweeted:".
REPORTING_VERBS = frozenset(
    """
said says say told tells added adds asked asks insisted insists wrote writes tweeted tweets
posted stated states declared declares explained explains noted notes warned warns argued
argues claimed claims replied replies continued continues recalled recalls admitted admits
acknowledged announced announces confirmed confirms denied denies urged urges suggested
suggests responded responds agreed agrees stressed stresses emphasised emphasized observed
remarked commented conceded concedes predicted promised vowed cautioned complained boasted
joked shouted whispered repeated reiterated assured maintained maintains believes believed
thinks thought called calls described describes dubbed labelled labeled
""".split()
)

# Short forms a text uses for the same place or body, and the name they stand for.
ALIASES = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "United States of America": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "EU": "European Union",
    "E.U.": "European Union",
    "UN": "United Nations",
    "U.N.": "United Nations",
    "Nato": "NATO",
    "Kiev": "Kyiv",
    "Odessa": "Odesa",
    "Kharkov": "Kharkiv",
    "Donbass": "Donbas",
    "Türkiye": "Turkey",
    "Czechia": "Czech Republic",
    "Holland": "Netherlands",
    "Burma": "Myanmar",
    "The Telegraph": "Telegraph",
    "Daily Telegraph": "Telegraph",
    "The Guardian": "Guardian",
    "The Times": "Times",
    "The New York Times": "New York Times",
    "The Washington Post": "Washington Post",
    "The Wall Street Journal": "Wall Street Journal",
    "The Economist": "Economist",
    "Associated Press": "AP",
    "Agence France-Presse": "AFP",
    "State Duma": "Duma",
    "ISIL": "Islamic State",
    "ISIS": "Islamic State",
}

# Words that are capitalised at the start of a sentence or in headlines but name nothing.
COMMON_CAPITALISED = _entries("""
A|An|The|This|That|These|Those|It|Its|He|She|They|We|I|You|His|Her|Their|Our|My|Your|There|Here|
In|On|At|By|For|From|With|Without|After|Before|During|Since|Until|As|If|When|While|Where|Why|How|
What|Who|Whom|Which|But|And|Or|Nor|So|Yet|Also|Still|Even|Just|Only|Then|Now|Thus|However|
Meanwhile|Moreover|Furthermore|Nevertheless|Instead|Although|Though|Because|Despite|According|
Some|Many|Most|Several|Few|All|Both|Each|Every|Other|Another|Such|No|Not|None|Yes|Mr|Mrs|Ms|Dr|
Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|
July|August|September|October|November|December|Today|Yesterday|Tomorrow|Last|Next|New|Old|
One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|First|Second|Third|Let|Let's|Adding|Asked|
Speaking|Writing|Read|More|Source|Sources|Photo|Video|Watch|Listen|Update|Updated|Breaking|
Analysis|Opinion|Comment|Editorial|Exclusive|Live|Report|Reports|Says|Said|Warns|Calls|Set|
Amid|Over|Under|Into|Onto|Upon|Against|Between|Among|Around|About|Above|Below|Across|Through|
Could|Would|Should|Can|Will|Must|Might|May|Do|Does|Did|Has|Have|Had|Is|Are|Was|Were|Be|Being|
Been|Once|Twice|Nobody|Everyone|Everybody|Somebody|Someone|Anyone|Anybody|Nothing|Everything|
Shares|Stocks|Prices|Markets|Again|Later|Earlier|Soon|Often|Never|Always|Already|Almost|Perhaps|Maybe|
Indeed|Overall|Finally|Initially|Currently|Recently|Previously|Officials|Residents|People|
Government|Ministry|President|Minister|Police|Army|State|States|City|Country|North|South|East|
West|Northern|Southern|Eastern|Western|Central|Chapter|Part|Section|Figure|Table|Note|Notes|
Mrs.|Mr.|Ms.|Dr.|St|Said|Prime|Foreign|Defense|Defence|Secretary|Director|Vice|Deputy|Chief|
Senior|Former|Acting|Interim|General|Officer|Spokesman|Spokeswoman|Sir|Lady|Lord|Rev|Saint|Day
""")
