/*
 * Ordinary English words, so the name checks never mistake one for a misspelt name ("Knack" is
 * not a typo of the character Knock). Not a dictionary: the words a film review is made of —
 * function words, everyday nouns, verbs and adjectives, the critic's trade vocabulary, and the
 * capitalised words that are not people (months, days, nationalities, festivals). Inflections
 * are found by `isOrdinaryWord`, so only base forms and irregular ones are listed.
 */

// prettier-ignore
const WORDS = `
a about above across act action actor actress actual actually add admire admit adult afraid after afternoon again against age ago agree ahead aim air alive all allow almost alone along already also although always am among amount an and anger angle angry animal another answer any anyone anything anyway apart appear apply approach area argue arm army around arrive art article artist as ask asleep at attack attempt attention audience aunt author autumn avoid awake aware away awful
baby back bad badly bag balance ball band bank bar bare barely base basic battle be bear beat beautiful beauty became because become bed been before began begin beginning behind being believe bell belong below belt bench bend beneath beside best better between beyond big bill bird birth bit bite bitter black blame blank blind block blood blow blue board boat body bold bone book boot border bored born borrow boss both bother bottle bottom bought bound bowl box boy brain branch brave bread break breath breathe brick bride bridge brief bright brilliant bring broad broke broken brother brought brown brush build building built burn burst bury bus business busy but buy by
call calm came camera camp can candle cap capital captain car card care career careful carry case cast castle cat catch caught cause ceiling cell center centre century certain chain chair chance change channel chapter character charge charm chase cheap check cheek cheer chest chief child childhood children choice choose chose chosen church circle city claim class clean clear clever climb clock close closely cloth clothes cloud club coach coast coat cold collect colour color column come comedy comfort comic coming command comment common company compare complete concern condition confess confidence confuse connect consider contain content continue control conversation cook cool copy corner correct cost could count country couple courage course court cousin cover crack crash crazy create crew crime critic cross crowd cruel cry cup curious current curtain cut
dad damage dance danger dangerous dare dark date daughter day dead deal dear death debt decade decide deep deeply defeat defend degree deliver demand deny depth describe desert deserve design desire desk despite destroy detail develop device devil dialogue did die difference different difficult dig dinner direct direction director dirty discover distance do doctor does dog doing done door double doubt down draw drawn dream dress drew drink drive driven driver drop drove drown drug drum dry due dull during dust duty
each ear early earn earth ease easily east easy eat eaten echo edge edit editor effect effort egg eight either elbow elder else empty end ending enemy energy engine enjoy enough enter entire entirely episode equal escape especially even evening event ever every everybody everyone everything everywhere evidence evil exact exactly example excellent except exchange excite excuse exist exit expect expensive experience explain express extra extraordinary eye
face fact fade fail faint fair faith fall fallen false fame familiar family famous fan far farm fashion fast fat fate father fault fear feature feed feel feeling feet fell fellow felt female fence festival fever few field fierce fight figure fill film final finally find fine finger finish fire firm first fish fit five fix flag flame flash flat flesh flight float floor flow flower fly focus fog fold follow food fool foot for force foreign forest forever forget forgive forgot forgotten form former forth fortune forward found four frame free freedom fresh friend friendly frighten from front fruit full fun funny funeral fur future
gain game gang gap garden gate gather gave gaze general generous gentle gently get ghost gift girl give given glad glance glass go goal god gold golden gone good got grace grand grandfather grandmother grant grass grave gray great green grew grey grief grip ground group grow grown guard guess guest guide guilt guilty gun guy
habit had hair half hall hand handle hang happen happy hard hardly harm hat hate have he head heal health hear heard heart heat heaven heavy held hell help her here hero hers herself hid hidden hide high hill him himself hint hire his history hit hold hole holiday hollow holy home honest honour honor hope horror horse hospital host hot hotel hour house how however huge human humour humor hundred hung hunger hungry hunt hunter hurry hurt husband
ice idea ideal if ill image imagine impact important impossible in include indeed inside instead interest into invent iron is island it its itself
jacket job join joke journey joy judge jump just justice
keep kept key kick kid kill kind king kiss kitchen knack knee knew knife knock know knowledge known
lack lady laid lake land language large last late later laugh laughter law lay lead leader leaf lean learn least leave led left leg less lesson let letter level liar lie life lift light like likely limit line lip list listen little live lives loan local lock lonely long look loose lord lose loss lost lot loud love lovely lover low luck lucky lunch
machine mad made magic main major make male man manage manner many map march mark market marriage marry mask master match matter may maybe me meal mean meaning meant measure meat meet meeting member memory men mention mercy mere message met metal middle might mile military milk mind mine minute mirror miss mission mistake mix model modern moment money monster month mood moon moral more morning most mostly mother motion mountain mouth move movement movie much mud murder music must my myself mystery
nail name narrow nation native natural nature near nearly neck need needle neighbour neighbor neither nephew nerve never new news next nice niece night nine no nobody noise none noon nor normal north nose not note nothing notice novel now nowhere number nurse
obey object obvious occur ocean odd of off offer office officer often oil old on once one only onto open opening opera opinion or order ordinary other others otherwise ought our ours ourselves out outside over own owner
pace pack page paid pain paint painting pair pale palm paper parent park part party pass passage passion past path patient pattern pause pay peace people perfect perform performance perhaps period person picture piece pig pile pink pit pity place plain plan plane plant plate play player pleasant please pleasure plenty plot pocket poem poet poetry point poison police polite political pool poor popular portrait position possible post pot pour poverty power practice praise pray prefer prepare present press pretend pretty prevent price pride priest prince princess print prison private prize probably problem produce producer promise proof proper property protect proud prove pull punish pure purpose push put
quality quarter queen question quick quickly quiet quietly quite
race radio rage rain raise ran range rare rather reach read ready real reality realize realise really reason receive recent record red refuse relief religion remain remember remind remove repeat reply report rescue rest result return reveal revenge rich rid ride right ring rise risk river road rock role roll roof room root rope rose rough round row royal rule run rush
sad safe said sail sailor sake salt same sand sat save saw say scale scene school science score scream screen sea search season seat second secret see seem seen sell send sense sent sequel sequence serious serve set settle seven several shade shadow shake shall shame shape share sharp she sheet shelf shell shine ship shirt shock shoe shoot shop shore short shot should shoulder shout show shown shut shy sick side sight sign silence silent silly silver simple simply since sing single sink sir sister sit six size skill skin sky sleep slide slip slow slowly small smell smile smoke smooth snow so social soft softly soil soldier solid some somebody someone something sometimes somewhere son song soon sorry sort soul sound soup south space speak special speech speed spend spent spirit spite split spoke spoken spot spread spring spy square staff stage stair stand star stare start state station stay steal steel step stick still stock stomach stone stood stop store storm story straight strange stranger stream street strength stretch strike string strong struck struggle student study stuff stupid style subject succeed success such sudden suddenly suffer sugar suggest suit summer sun supper supply suppose sure surface surprise survive sweet swim sword system
table tail take taken tale talk tall taste taught tea teach team tear tell temper ten tender term terrible test than thank that the theatre theater their them theme themselves then there these they thick thief thin thing think third this those though thought thousand thread threat three threw throat through throw thrown thumb thus ticket tie tight till time tiny tired title to today together told tomorrow tone tongue tonight too took tooth top torn total touch tough toward towards tower town toy track trade tradition traffic tragedy train trap travel treat tree trial trick trip trouble truck true trust truth try tune turn twelve twenty twice twin two type
ugly uncle under understand understood union unit unless until up upon upper upset urge us use used usual usually
valley value various very victim victory view village violence violent visit voice vote
wage wait wake walk wall wander want war warm warn was wash waste watch water wave way we weak wealth weapon wear weather wedding week weigh weight welcome well went were west wet what whatever wheel when whenever where wherever whether which while whisper white who whole whom whose why wicked wide widow wife wild will win wind window wine wing winter wise wish with within without witness woke woman women won wonder wood word wore work worker world worn worry worse worst worth would wound write writer writing written wrong wrote
yard year yell yellow yes yesterday yet you young your yours yourself youth
zero zone
ability able absence absolute abstract absurd academy accent accept access accident account accurate achieve acid acknowledge acquire acting active activity adapt adaptation address adequate admirable adventure affair affect affection agent aggressive agony alarm album alien alike alley alternate amateur amazing ambition ambitious ambiguous amuse ancient angel animation ankle announce annoy anonymous anthem anticipate anxiety anxious apartment appeal appetite applause appreciate archive arena arrange arrest arrogant arrow ash aside aspect assault assemble assume atmosphere attach attitude attract authentic autumn average award awkward
backdrop background ballad ballet banal banner barrel basement bastard bath beach beam beard beast beg behave behaviour belief beloved bet betray bias bible bitterly bizarre blade blast bleak blend bless blockbuster bloody bloom blur blunt boast bomb bond bonus boom booth borrowed bounce boundary bow brand breakfast breed breeze brief brilliance brittle broadcast brutal bubble budget bullet bump bunch burden bureau buried butcher butter button
cabin cabinet cage cake camel cameo campaign canal cancel candid canon canvas capable capture carbon cargo carnival carriage carve cash casual catalogue category caution cave celebrate celebrity cellar cemetery censor ceremony chaos chaotic chapel charity chart cheat chemistry chess chorus chronicle cigarette cinema cinematic cinematography circus citizen civil civilian clarity clash classic classical clerk cliff climate climax clinic clip clue clumsy cluster coal coffin coin collapse colleague collection colonel colony columnist combat combine comfortable commander commercial commission commit committee companion compassion compel competent complex complicated composer composition compromise comrade conceal concept concert conclude conclusion concrete conduct conductor conference confession conflict confront confusion conscience conscious consequence conservative constant construct contact contemporary contempt contest context contract contrast contribute convention convince coffee corporate corpse corridor corrupt costume cottage cotton cough council counter courtroom coward cowboy crack craft crane crawl cream creature credit credits creek creep crisis crisp criticism crop crown crucial crude cruelty crush cult cultural culture cunning cure curse curve custom cycle cynical
daily dam damn dawn daylight deadline deaf debate debut decent deception decline decor decorate dedicate defeat defence defense define definite delay delicate delight delirious demon demonstrate dense department departure depend deposit depressing deputy descend deserted desperate dessert destination destiny detective determine devote diary dictator diet differ digital dignity dilemma dimension dinosaur dirt disappear disappoint disaster discipline disco discuss disease disguise disgust dish dismiss display dispute distant distinct distract district disturb diva divide divine divorce dizzy documentary dollar domestic dominant donkey doom dose dot dozen draft drag dragon drain drama dramatic drawer dread dreadful drift drill drunk duck duel dumb dune dusk dwarf dynamic
eager eagle earnest economy ecstasy edition educate eerie elaborate elect elegant element elephant elevator elegy eleven elite embrace emerge emergency emotion emotional emperor empire employ enable encounter encourage endless endure engage enormous ensemble entertain enthusiasm entrance envelope envy epic equipment era essay essence establish estate eternal ethics evident evoke exhaust exhibit exile expand expert explode explore explosion expose extend extreme
fable fabric facade facility faction factor factory fairy faithful fake falter fancy fantastic fantasy farewell farmer fascinate fatal favour favor favourite favorite feast feather federal fee feminine fiction fiddle fifteen fifty filmmaker filmmaking finance fingerprint fist flaw flee fleet flicker flood flour fluid flute folk fond footage forbid forehead forge formal formula fortress fossil fragile fragment frank fraud freeze frequent friction fridge frontier frost frown frozen fuel function fund fundamental furious furniture fury fuss
galaxy gallery gamble garage garbage gas gasp gear gender genius genre gentleman genuine gesture giant gigantic glamour glimpse gloom glory glove glow glue goat goddess gorgeous gospel gossip govern government gown grab gradual graduate grain grammar grandeur graphic grateful gravity greed grid grim grin grind groan gross grotesque guarantee guitar gut
hack hail hammer handsome harbour harbor harsh harvest haunt hay hazard headline heartbreak heaven hedge heel height heir helicopter helmet herb heritage heroic heroine hesitate highway hint hip historic hobby hook horizon horn hostage hostile humble humiliate hurricane hut hymn hypocrisy hysteria
icon icy identity ideology idiot idle idol ignore illness illusion illustrate imitate immense immigrant imply impose impress impression impulse incident income incredible independent index indifferent individual indulge industry inevitable infant infinite influence inform inherit initial injure injury inner innocence innocent insect insist inspect inspire install instance instant instinct institution instruct instrument insult intact intellectual intelligent intend intense intent interior internal interpret interrupt interval interview intimate introduce invade invasion investigate invisible invite involve irony island isolate issue item
jail jaw jazz jealous jewel joint journal journalist joy jungle junior jury
keen kettle kidnap kingdom knight knot
label labour labor lace ladder lamb lamp landscape lane lap laser latter launch lawn lawyer layer lazy leak leap lecture legacy legal legend leisure lemon lend length lens lever liberal liberty library licence license lick lid lifetime lightning limb linger lion liquid literally literary literature load lobby logic loneliness loop lottery loyal luggage lullaby lung luxury lyric
magazine magnificent maid mail maintain majesty makeup mall manifest manipulate mankind mansion manual manuscript marble margin marine marvel masculine mass massacre massive masterpiece mate material maternal mature maximum meadow mechanical medal media medical medicine medieval medium meditate melancholy melodrama melody melt memoir menace mental mentor menu merchant merit mess metaphor method midnight migrant mild mill millionaire mineral minimal minimum minister minor miracle misery mob mock mode moderate modest monk monologue monument motive motor mount mourn mouse mud multiple mumble muscle museum musical mutiny mutual myth
naive naked narrative narrator nasty navy neat negative neglect negotiate nest net network neutral newspaper nightmare noble nod nominate nonsense nostalgia notebook notion nuance nuclear nude
oak oath obscure observe obsession obstacle occasion odd offend official omen ominous operate opponent oppose opposite oppress optimism oral orange orchestra orphan outcome outfit outrage oven overcome overwhelm owe
pact pad pagan palace panel panic parade paradise paradox parallel paralyse parish parody parrot passenger passive pastor patience patriot patrol pause pavement peasant peculiar peer penalty pencil penny pension perceive permanent permit persist personal perspective persuade pet phantom phase phenomenon philosophy phone photo photograph phrase physical piano pick picnic pierce pile pilgrim pill pillow pilot pine pioneer pipe pirate pistol pitch planet plastic platform plead pledge plunge poetic poignant pole policy polish pond pop porch pork port portray pose possess postcard poster potato pound powerful precious precise predict pregnant prejudice premiere premise presence preserve president pressure prestige pretence prey priceless primary primitive principal principle prior priority prisoner privilege procedure proceed process procession produce product production profession professional professor profile profit profound programme program progress project prologue prominent promote prompt prop propaganda prophet proportion propose prose prosecutor prospect prostitute protest provide province provoke psychological pub public publish pulse pump punch pupil puppet purchase purple pursue puzzle
quest queue quote
rabbit racism radical rail raid railway rally ranch rank rape rapid rat rate rating raw ray razor reaction reader realism realistic rear rebel recall recipe recognise recognize recommend reconcile recover reduce reflect reform refugee regard regime region register regret regular reject relate relation relationship relative relax release relevant relieve reluctant rely remake remark remedy remote render rent repair replace represent reputation request require resemble resent reserve resign resist resolve resource respect respond response responsible restaurant restless restore restrain retain retire retreat reunion revelation review revolt revolution reward rhythm rib ribbon rice riddle rifle rigid riot rip ripe rite ritual rival roar rob robe robot rocket romance romantic rotten routine rubber rude ruin rumour rumor rural rust ruthless
sacred sacrifice saint salad salary salesman satire satisfy sauce savage scandal scar scarce scare scarf scatter scenery scent scheme scholar scissors scope scratch screenplay screenwriter script sculpture seal seaside secretary section secure seduce seek segment seize seldom select senator senior sensation sensitive sentence sentiment sentimental separate series sermon servant session setting severe sew sex sexual shabby shallow shatter shed sheep shepherd shield shift shiver shoulder shovel shower shrink shrug sibling sigh signal signature significant silk sin sincere singer sinister siren situation skeleton sketch skull slam slave sleeve slender slice slope slum smash snake snap sniff sob sober soap soldier solemn solitary solitude solution solve sombre somber sophisticated sorrow soundtrack source sovereign spare spark spectacle spectacular spectator spell spice spider spill spin spine spiral splendid spoil spoiler sponsor spontaneous spoon sport spotlight spouse sprint squad stab stable stadium stake stall stamp standard stark startle starve statue status steady steam steep steer stern stew stiff sting stir stool storey straw stray stress strict stride strip stroke structure stubborn studio stumble stunning stunt subtitle subtle suburb subway suicide summit summon superb superior supernatural support suppress supreme surgeon surrender surround suspect suspend suspense suspicion swallow swamp swear sweat sweep swell swing switch symbol sympathy symphony symptom
tablet tactic talent tank tape target task tax tear technique teenager telegram telephone telescope television temple temporary tempt tenant tend tendency tense tension tent terrain terror territory text texture thanks theft theory therapy thereby thesis thirst thorn threaten thrill thriller throne thunder tide tidy timber timid tin tip tissue toast toe toilet tolerate tomb ton tool torch torture toss tour tourist toxic trace trader tragic trail trailer transform transition translate transport trauma tray treasure tremble trend tribe tribute trigger trim triumph troop trophy tropical trumpet trunk tube tunnel turkey twist typical tyrant
ultimate umbrella unable uncanny uncover undergo underground underneath undertake uneasy unemployed unexpected unfold uniform unique universe university unknown unlike upright urban urgent utter
vague vain valid vampire van vanish vast vehicle veil vein velvet venture verdict verse version vertical vessel veteran vice vicious vigil vile villa villain vine vintage violin virgin virtue virus visible vision visual vital vivid vocal void volume voyage vulgar vulnerable
wagon waist waiter wallet walnut wardrobe warehouse warmth warrior wary wax weave web weep welfare whale wheat whip whistle wicked widen width wig wilderness willing wipe wire wisdom wit witch wolf womb wonderful worship wrap wreck wrist
yacht yawn yield
abandon abroad absorb abuse accompany accuse ache acre adore advance advice afford agenda alcohol alert alliance ally altar alter amid amuse analyse analyze ancestor anchor angelic anguish anniversary annual anthology apology apparent applaud apron arch archer arctic argument arise armour armor arrival artistic ascend ashamed asset assistant assure asylum athlete attic auction aura authority avenue await
ballroom bandit banker bankrupt bargain barn baron barrier bay bead beggar bellow belly bin biography biscuit bishop blanket blaze blink bliss blond blonde blossom blouse boar bodyguard boil bolt bonnet booklet boost boring boundless boxer bracelet brass breast bribe brisk broom bruise buddy bug bull bully bunny burial bush butterfly
cafe calendar cancer cannon canoe cap caravan cardinal caretaker carpet cartoon cashier casino casting cathedral cattle cavalry chamber champion chant charcoal chariot chauffeur cheese chef cherry chicken chimney chin chip choir chop cigar cinnamon clay clergy client cloak closet clown coachman cobweb cocktail coconut code coil collar colourful comet compartment compass concierge confetti congress consul convent convict cop copper coral cord cork corn corporal cosmic cotton couch counsel countess courier cousin cowardice crab cradle crater crayon crib cricket crimson crook crow crystal cupboard cushion customer cutlery
dagger dairy darling dart deck deer delta dentist deputy detour diamond dice diplomat disc ditch dock dome donor doorway dove dragonfly drawing drummer duchess duke dungeon dye
earl earring ebb eel elf embassy emerald empress engineer envoy errand eyebrow
falcon fan fang feud fig filth finale fireplace firework flask flea flock flute foam foe fork fountain fox fraction frog fur
gallows gardener garlic gauge gem ghetto gin ginger giraffe glacier goose governor grape graveyard gravel guardian guerrilla gull gunman gypsy
hammock handkerchief harp hawk headmaster hearse hedgehog helper hen hermit hound housewife hull hunch
inn inmate insurance invoice ivory
jar jelly jockey
kennel kettle kid kite kitten knob
lad lagoon landlady landlord lantern lawman leash leather legion leopard lettuce lieutenant lighthouse lily limousine lizard locket lodge lorry lounge
magistrate magician maiden major manager mare marquis marshal mayor mermaid midwife minister mistress monarch monkey moth mule mummy
nanny nightingale novelist nun
orchard organ ostrich owl ox oyster
painter pantry parlour parlor parson pasture pawn peach pear pearl peddler penguin pepper pharmacy pianist pigeon pin plague plum poet pony porter potter pouch prairie preacher prophet pup
rabbi raft rancher raven referee reptile rhinoceros riverbank robin rogue rooster ruby rug
saddle sailboat saloon sanctuary sandwich sapphire sardine scarecrow scientist scout seagull senate sergeant serpent sheriff shrine sledge slipper smuggler snail sofa sparrow spinster squirrel stallion steward stork stove submarine sultan swan
tailor tavern teapot tenor thief thimble tiger toad tomato tortoise trader tram trawler trolley trout tulip turtle tutor twig
undertaker
valet vault vicar violinist vulture
waitress walrus wand warden wasp weasel whisky widower wizard wolf worm wren
abbey admiral adolescent advocate aide alderman ambassador ambulance amnesia anarchy apostle apprentice aristocrat assassin astronaut
`;

// Capitalised words that are not people: they start sentences and fill reviews.
// prettier-ignore
const PROPER = `
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
english british french german italian spanish russian soviet american canadian mexican brazilian argentine chilean cuban irish scottish welsh dutch belgian swiss austrian polish czech slovak hungarian romanian bulgarian greek turkish iranian persian arab arabic israeli jewish indian pakistani chinese japanese korean vietnamese thai filipino indonesian australian african egyptian nigerian ukrainian georgian armenian swedish norwegian danish finnish icelandic portuguese european asian western eastern northern southern nordic latin christian catholic protestant muslim buddhist hindu orthodox
europe america asia africa britain england france germany italy spain russia ukraine china japan korea india iran israel egypt canada mexico brazil argentina chile cuba ireland scotland wales poland greece turkey sweden norway denmark finland iceland portugal australia hollywood bollywood london paris berlin rome moscow venice cannes sundance toronto locarno rotterdam berlinale telluride tribeca oscar oscars academy bafta emmy golden netflix criterion mubi amazon disney warner paramount universal pixar studio ghibli
christmas easter halloween god christ jesus bible lord heaven hell
mr mrs ms dr st mt jr sr vs etc
`;

const words = new Set(`${WORDS} ${PROPER}`.split(/\s+/).filter((word) => word !== ''));

/** Endings stripped to find a listed base form: "hunters" → hunter, "knocked" → knock, "cities" → city. */
const ENDINGS: ReadonlyArray<[RegExp, string]> = [
  [/ies$/, 'y'],
  [/ied$/, 'y'],
  [/ier$/, 'y'],
  [/iest$/, 'y'],
  [/ily$/, 'y'],
  [/(?<=[^aeiou])ied$/, 'y'],
  [/es$/, ''],
  [/s$/, ''],
  [/ed$/, ''],
  [/ed$/, 'e'],
  [/d$/, ''],
  [/ing$/, ''],
  [/ing$/, 'e'],
  [/er$/, ''],
  [/er$/, 'e'],
  [/est$/, ''],
  [/est$/, 'e'],
  [/ly$/, ''],
  [/ness$/, ''],
  [/ment$/, ''],
  [/ful$/, ''],
  [/less$/, ''],
  [/ish$/, ''],
  [/ist$/, ''],
  [/ism$/, ''],
  [/ity$/, ''],
  [/al$/, ''],
  [/ic$/, ''],
  [/'s$/, ''],
  [/’s$/, ''],
];

/** Whether a word (any case) is an ordinary English word or a listed form of one. */
export function isOrdinaryWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (words.has(lower)) return true;
  for (const [ending, replacement] of ENDINGS) {
    if (!ending.test(lower)) continue;
    const base = lower.replace(ending, replacement);
    if (base.length >= 2 && words.has(base)) return true;
    // Doubled consonants before an ending: "stopped", "running", "bigger".
    if (/(.)\1$/.test(base) && words.has(base.slice(0, -1))) return true;
  }
  return false;
}
