/** Word lists for the synthetic conference; the search benchmark draws its queries from them too. */

export const techs = [
  "Kubernetes", "Docker", "Rust", "Go", "TypeScript", "PostgreSQL", "SQLite", "Kafka", "Terraform", "React",
  "WebAssembly", "GraphQL", "gRPC", "Prometheus", "OpenTelemetry", "Envoy", "Istio", "Redis", "Elasticsearch",
  "Spark", "Python", "Java", "Linux", "eBPF", "Nginx", "Vault", "Argo", "Helm", "Deno", "Cassandra",
  "ClickHouse", "Flink", "Zig", "Kotlin", "Swift", "Erlang", "Elixir", "Haskell", "Ansible", "Nomad",
];

export const nouns = [
  "operators", "pipelines", "clusters", "microservices", "schedulers", "service meshes", "data lakes",
  "feature flags", "build systems", "caches", "queues", "monorepos", "APIs", "dashboards", "runtimes",
  "compilers", "workloads", "controllers", "sidecars", "migrations", "indexes", "deployments", "containers",
  "edge functions", "state machines", "test suites", "release trains", "design systems", "alerting rules",
];

export const verbs = [
  "Scaling", "Securing", "Debugging", "Testing", "Observing", "Migrating", "Building", "Shipping", "Operating",
  "Profiling", "Hardening", "Automating", "Designing", "Optimizing", "Refactoring", "Benchmarking",
];

export const contexts = [
  "in production", "at scale", "without downtime", "on a budget", "for small teams", "the hard way",
  "from scratch", "in regulated industries", "across regions", "at the edge", "with confidence",
];

export const companies = [
  "Acme Logistics", "Northwind Bank", "Globex", "Initech", "Umbrella Health", "Stark Mobility", "Wayne Retail",
  "Hooli", "Vandelay Imports", "Tyrell Systems", "Cyberdyne Cloud", "Soylent Foods", "Oscorp Energy",
  "Wonka Payments", "Monarch Media", "Pied Piper", "Aperture Labs", "Gringotts Finance",
];

export const firstNames = [
  "Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Edsger", "Radia",
  "Guido", "Anita", "Bjarne", "Hedy", "Donald", "Katherine", "Tim", "Shafi", "Leslie", "José", "Zoë", "Renée",
  "Mateo", "Priya", "Wei", "Aiko", "Olu", "Fatima", "Sven", "Ingrid", "Kwame", "Lucía", "Noor", "Hamid",
  "Chloé", "Andrés", "Yuki", "Amara", "Jonas", "Mira", "Tomás", "Elif", "Ravi", "Hana", "Emeka", "Sofia",
  "Björn", "Camille", "Dmitri", "Isabel", "Kai", "Lena", "Marek", "Nadia", "Omar", "Paula", "Quentin", "Rosa",
  "Sami", "Tariq", "Ursula", "Valentina", "Wiebke", "Xavier", "Yara",
];

export const lastNames = [
  "Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Dijkstra",
  "Perlman", "Rossum", "Borg", "Stroustrup", "Lamarr", "Knuth", "Johnson", "Berners", "Goldwasser", "Lamport",
  "García", "Müller", "Dubois", "Okafor", "Nakamura", "Chen", "Patel", "Kowalski", "Jensen", "Novak", "Rossi",
  "Silva", "Haddad", "Andersson", "Mensah", "Ibrahim", "Fernández", "Schmidt", "Tanaka", "Kim", "Nguyen",
  "Olsen", "Petrov", "Quispe", "Reyes", "Sato", "Takahashi", "Vargas", "Weber", "Yilmaz", "Zhang", "Bauer",
  "Costa", "Eriksen", "Fischer", "Gómez", "Holm", "Iversen", "Lindqvist", "Moreau",
];

export const tracks = [
  ["cloud-native", "Cloud Native", "#1d63ed"], ["security", "Security", "#dc2626"], ["data", "Data Engineering", "#0d9488"],
  ["frontend", "Frontend", "#8b5cf6"], ["devops", "DevOps", "#16a34a"], ["databases", "Databases", "#ca8a04"],
  ["observability", "Observability", "#64748b"], ["languages", "Languages", "#db2777"], ["edge", "Edge Computing", "#c026d3"],
  ["leadership", "Leadership", "#ea580c"],
] as const;

/** Words that only public notes contain: the search benchmark checks that note matches are found. */
export const noteOnlyWords = [
  "takeaway", "whiteboard", "espresso", "bookmarked", "rewatch", "followup", "memorable", "inspiring",
  "livestream", "handout", "lanyard", "notebook", "applause", "standing", "overflow",
];

/** Words that appear nowhere in the data: the no-match queries. */
export const absentWords = ["zyzzyva", "qwertzu", "xylograph", "quokkas", "vexillology", "flibbertigibbet", "gazump", "snollygoster"];

export const abstractSentences = [
  "In this talk we walk through how {company} runs {tech} {noun} for {n} engineers.",
  "You will learn which trade-offs matter when {verbing} {noun}, and which ones you can safely ignore.",
  "We cover failure modes, rollout strategies and the metrics we watch every day.",
  "Expect live demos, real incident timelines and plenty of {tech} code.",
  "By the end you will know how to start {verbing} your own {noun} {context}.",
  "The session assumes basic familiarity with {tech} and {tech2}.",
  "We share the numbers: latency dropped by {n} percent and on-call pages halved.",
  "Along the way we open-source the tooling we built around {tech2}.",
  "Our first attempt with {tech} failed, and the reasons why are more interesting than the fix.",
  "We compare {tech} with {tech2} for {noun} and explain when each one wins.",
];

export const noteSentences = [
  "Great {tech} talk, my main takeaway: keep {noun} boring.",
  "Speaker drew the whole architecture on a whiteboard, worth a rewatch on the livestream.",
  "Needed a second espresso halfway through but the {tech2} demo was memorable.",
  "Bookmarked the repo; followup with the team about {noun} next sprint.",
  "Overflow room was packed, standing only, loud applause at the end.",
  "The handout has the {tech} config, it is in my notebook now.",
  "Inspiring story from {company}, I want to try this with our {noun}.",
  "Lost my lanyard in the queue but the Q&A on {tech} made up for it.",
];
