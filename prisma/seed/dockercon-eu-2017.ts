/**
 * Demo program: DockerCon EU 2017 (Bella Center, Copenhagen, 16-19 October 2017).
 *
 * Sources: an attendee's published wrap-up (shared/seeds/dockercon-eu-2017-wrap-up.txt)
 * and the facts gathered in shared/seeds/README.md (official titles, days, tracks,
 * speakers and affiliations). Neither source gives rooms, and most sessions have no known
 * time, so every room here and every time not called "published" below is illustrative;
 * those sessions carry `illustrative: true`. The 19th holds no sessions: the sources place
 * none there, and the breakouts ran on the two main days (17 and 18 October).
 */
import type { ProgramInput } from "../../lib/program/program-schema";

export const dockerconEu2017 = {
  conference: {
    slug: "dockercon-eu-2017",
    name: "DockerCon EU 2017",
    tagline: "Four days of containers in Copenhagen: workshops, general sessions and breakouts on Docker, Kubernetes, LinuxKit and containerd.",
    venue: "Bella Center",
    city: "Copenhagen",
    timeZone: "Europe/Copenhagen",
    startDate: "2017-10-16",
    endDate: "2017-10-19",
  },

  days: [
    { date: "2017-10-16", label: "Workshops" },
    { date: "2017-10-17", label: "Day 1" },
    { date: "2017-10-18", label: "Day 2" },
    { date: "2017-10-19", label: "Thursday" },
  ],

  tracks: [
    { slug: "general-session", name: "General Session", color: "#1d63ed" },
    { slug: "workshops", name: "Workshops", color: "#0d9488" },
    { slug: "using-docker", name: "Using Docker", color: "#16a34a" },
    { slug: "docker-best-practices", name: "Docker Best Practices", color: "#8b5cf6" },
    { slug: "use-case", name: "Use Case", color: "#ca8a04" },
    { slug: "black-belt", name: "Black Belt", color: "#64748b" },
    { slug: "edge", name: "Edge", color: "#db2777" },
    { slug: "transform", name: "Transform", color: "#c026d3" },
    { slug: "ecosystem", name: "Ecosystem", color: "#65a30d" },
    { slug: "community-theater", name: "Community Theater", color: "#ea580c" },
  ],

  // The sources name no rooms; these are plausible, illustrative Bella Center rooms.
  // The wrap-up says the Community Theater was not a room but about a hundred seats
  // at the end of the hallway.
  rooms: [
    { slug: "main-hall", name: "Main Hall" },
    { slug: "auditorium-10", name: "Auditorium 10" },
    { slug: "auditorium-11", name: "Auditorium 11" },
    { slug: "auditorium-12", name: "Auditorium 12" },
    { slug: "auditorium-15", name: "Auditorium 15" },
    { slug: "community-theater", name: "Community Theater" },
    { slug: "workshop-room-c1", name: "Workshop Room C1" },
  ],

  speakers: [
    {
      slug: "bill-mills",
      name: "Bill Mills",
      affiliation: "Docker",
      bio: "Works at Docker and led the Introduction to Docker for Enterprise Operations workshop.",
    },
    {
      slug: "steve-singh",
      name: "Steve Singh",
      affiliation: "Docker",
      bio: "CEO of Docker.",
    },
    {
      slug: "solomon-hykes",
      name: "Solomon Hykes",
      affiliation: "Docker",
      bio: "CTO and founder of Docker.",
    },
    {
      slug: "brendan-burns",
      name: "Brendan Burns",
      affiliation: "Microsoft",
      bio: "Kubernetes co-founder, working for Microsoft.",
    },
    {
      slug: "david-gageot",
      name: "David Gageot",
      affiliation: "Docker",
      bio: "Works at Docker and gave the Day 1 general session demo of deploying to a Kubernetes cluster with docker stack commands.",
    },
    {
      slug: "tim-hockin",
      name: "Tim Hockin",
      affiliation: "Google",
      bio: "Kubernetes co-founder at Google.",
    },
    {
      slug: "kristie-howard",
      name: "Kristie Howard",
      affiliation: "",
      bio: "Gave a demo in the Day 1 general session.",
    },
    {
      slug: "ben-bonnefoy",
      name: "Ben Bonnefoy",
      affiliation: "",
      bio: "Gave a demo in the Day 1 general session.",
    },
    {
      slug: "daniel-hiltgen",
      name: "Daniel Hiltgen",
      affiliation: "",
      bio: "Gave a demo in the Day 1 general session.",
    },
    {
      slug: "alex-mavrogiannis",
      name: "Alex Mavrogiannis",
      affiliation: "",
      bio: "Gave a demo in the Day 1 general session.",
    },
    {
      slug: "jeff-murr",
      name: "Jeff Murr",
      affiliation: "MetLife",
      bio: "Of MetLife; appeared in the Day 1 general session.",
    },
    {
      slug: "scott-johnston",
      name: "Scott Johnston",
      affiliation: "Docker",
      bio: "COO of Docker.",
    },
    {
      slug: "markus-niskanen",
      name: "Markus Niskanen",
      affiliation: "Finnish Rail",
      bio: "Of Finnish Rail; appeared in the Day 2 general session.",
    },
    {
      slug: "jason-mcgee",
      name: "Jason McGee",
      affiliation: "IBM",
      bio: "Of IBM; appeared in the Day 2 general session.",
    },
    {
      slug: "jonathan-leibiusky",
      name: "Jonathan Leibiusky",
      affiliation: "Docker",
      bio: "Works at Docker and is one of the developers of Play With Docker (PWD).",
    },
    {
      slug: "marcos-lilljedahl",
      name: "Marcos Lilljedahl",
      affiliation: "Docker",
      bio: "Works at Docker and is one of the developers of Play With Docker (PWD).",
    },
    {
      slug: "rolf-neugebauer",
      name: "Rolf Neugebauer",
      affiliation: "Docker",
      bio: "Works at Docker and co-presented the LinuxKit Deep Dive.",
    },
    {
      slug: "justin-cormack",
      name: "Justin Cormack",
      affiliation: "Docker",
      bio: "Works at Docker and co-presented the LinuxKit Deep Dive.",
    },
    {
      slug: "ashley-mcnamara",
      name: "Ashley McNamara",
      affiliation: "",
      bio: "A photographer who became a software developer at 32, learned Go and has given several workshops about it.",
    },
    {
      slug: "sophia-parafina",
      name: "Sophia Parafina",
      affiliation: "Docker",
      bio: "Works in developer relations at Docker.",
    },
    {
      slug: "arun-gupta",
      name: "Arun Gupta",
      affiliation: "Amazon Web Services",
      bio: "Java Champion, working at Amazon Web Services.",
    },
    {
      slug: "chelsea-mafrica",
      name: "Chelsea Mafrica",
      affiliation: "Intel",
      bio: "Works at Intel and spoke about containerizing hardware accelerated applications.",
    },
    {
      slug: "scott-coulton",
      name: "Scott Coulton",
      affiliation: "Puppet",
      bio: "Docker Captain, working at Puppet.",
    },
    {
      slug: "bret-fisher",
      name: "Bret Fisher",
      affiliation: "",
      bio: "DevOps consultant and Docker Captain.",
    },
  ],

  sessions: [
    // Published: title, day (16 Oct), time (09:00-17:00), speaker; Workshops track. Illustrative: room.
    {
      guid: "6574d5cd-2e66-4b73-9866-0a4421b9d79b",
      slug: "introduction-to-docker-for-enterprise-operations",
      title: "Introduction to Docker for Enterprise Operations",
      kind: "workshop",
      abstract:
        "A full-day workshop on 16 October, the workshop day that opened DockerCon EU 2017. Bill Mills of Docker gives an introduction to Docker for enterprise operations.",
      day: "2017-10-16",
      start: "2017-10-16T09:00",
      end: "2017-10-16T17:00",
      track: "workshops",
      room: "workshop-room-c1",
      speakers: ["bill-mills"],
      illustrative: true,
    },

    // Published: title, day (17 Oct), start (about 09:00), track, speakers. Illustrative: end, room.
    {
      guid: "dc1f8575-ce62-40dc-a36a-81e92d9ebbdd",
      slug: "general-session-day-1",
      title: "General Session Day 1",
      kind: "keynote",
      abstract:
        "The opening general session. CEO Steve Singh talks about the software supply chain and Modernizing Traditional Apps (MTA), with demos that convert an old Java WAR application into an image with the Docker App Converter and orchestrate it with Docker EE. Solomon Hykes sets out Docker's vision and announces that Swarm and Kubernetes will both ship with Docker, and Brendan Burns, David Gageot and Tim Hockin show the Kubernetes integration on stage.",
      day: "2017-10-17",
      start: "2017-10-17T09:00",
      end: "2017-10-17T11:00",
      track: "general-session",
      room: "main-hall",
      speakers: [
        "steve-singh",
        "solomon-hykes",
        "brendan-burns",
        "david-gageot",
        "tim-hockin",
        "kristie-howard",
        "ben-bonnefoy",
        "daniel-hiltgen",
        "alex-mavrogiannis",
        "jeff-murr",
      ],
      illustrative: true,
    },

    // Published: title, speakers. Illustrative: day, time, room, track (Transform).
    {
      guid: "78133cda-9d84-4a6c-95a9-417673d27c0e",
      slug: "modernizing-traditional-apps-java-edition",
      title: "Modernizing Traditional Apps: Java Edition",
      kind: "talk",
      abstract:
        "Sophia Parafina and Arun Gupta show how containers separate traditional Java applications from their infrastructure, even when the source code is long gone, and reduce their attack surface. The talk covers simplifying deployments with Docker Compose files and scanning images for vulnerabilities, and its demo uses a lab built on Play With Docker.",
      day: "2017-10-17",
      start: "2017-10-17T11:45",
      end: "2017-10-17T12:25",
      track: "transform",
      room: "auditorium-12",
      speakers: ["sophia-parafina", "arun-gupta"],
      illustrative: true,
    },

    // Published: title, day (17 Oct), track (Black Belt), speakers. Illustrative: time, room.
    {
      guid: "7d63e045-b1f3-422e-9eb5-5b198797962b",
      slug: "linuxkit-deep-dive",
      title: "LinuxKit Deep Dive",
      kind: "talk",
      abstract:
        "LinuxKit is a toolkit for building secure, portable and lean operating systems for containers. Rolf Neugebauer and Justin Cormack present what is new (arm64 support, Kubernetes support, Linux Containers on Windows and improved platform support) and build and boot images for x86_64, an arm64 server and a Raspberry Pi 3 from the same YAML file. They also cover signed LinuxKit packages and the WireGuard VPN included in LinuxKit.",
      day: "2017-10-17",
      start: "2017-10-17T14:00",
      end: "2017-10-17T14:40",
      track: "black-belt",
      room: "auditorium-11",
      speakers: ["rolf-neugebauer", "justin-cormack"],
      illustrative: true,
    },

    // Published: title, speaker; the wrap-up places it in the Community Theater.
    // Illustrative: day, time; room (the Community Theater was not a room).
    {
      guid: "2cb174ca-02a9-4de3-b559-48ea3c1f6731",
      slug: "containerizing-hardware-accelerated-applications",
      title: "Containerizing Hardware Accelerated Applications",
      kind: "talk",
      abstract:
        "Chelsea Mafrica introduces hardware accelerators such as GPUs, ASICs and FPGAs, and shows how a media stack that converts video with ffmpeg on GPU acceleration can be deployed with Docker. The talk covers containers' dependencies on hardware and kernel modules, how to give a container access to a device, and why such containers are not portable.",
      day: "2017-10-17",
      start: "2017-10-17T14:00",
      end: "2017-10-17T14:40",
      track: "community-theater",
      room: "community-theater",
      speakers: ["chelsea-mafrica"],
      illustrative: true,
    },

    // Published: title, day (18 Oct), start (about 09:00), track, speakers. Illustrative: end, room.
    {
      guid: "76a2b628-caac-4b3c-a262-08cd58f80374",
      slug: "general-session-day-2",
      title: "General Session Day 2",
      kind: "keynote",
      abstract:
        "The second general session, opened by Docker COO Scott Johnston, centres on fast delivery and Modernizing Traditional Apps (MTA). A demo shows signing images with `docker trust sign` and Docker EE only running images signed by a given group. The session also presents Docker's partnerships with consultants, customers and cloud providers, with guests from Finnish Rail and IBM.",
      day: "2017-10-18",
      start: "2017-10-18T09:00",
      end: "2017-10-18T11:00",
      track: "general-session",
      room: "main-hall",
      speakers: ["scott-johnston", "markus-niskanen", "jason-mcgee"],
      illustrative: true,
    },

    // Published: title, speakers; the wrap-up places it in the Community Theater.
    // Illustrative: day, time; room (the Community Theater was not a room).
    {
      guid: "8176c26a-5393-43a8-808d-4ed8fd3123c7",
      slug: "play-with-docker-inside-out",
      title: "Play With Docker (PWD): Inside Out",
      kind: "talk",
      abstract:
        "Jonathan Leibiusky and Marcos Lilljedahl, the developers of Play With Docker (PWD), take it apart: PWD runs Docker and Docker Swarm on shared Azure instances through Docker in Docker, so anyone on the web can try Docker anonymously. They cover the networking and terminal problems they solved, recent additions such as drag and drop of files and Windows containers, and what comes next. PWD is open source and can run on an organisation's own infrastructure.",
      day: "2017-10-18",
      start: "2017-10-18T11:45",
      end: "2017-10-18T12:25",
      track: "community-theater",
      room: "community-theater",
      speakers: ["jonathan-leibiusky", "marcos-lilljedahl"],
      illustrative: true,
    },

    // Published: title, day (18 Oct), track (Edge), speaker. Illustrative: time, room.
    {
      guid: "a0c8ff0f-49c8-479e-919e-9cbac6a81717",
      slug: "looking-under-the-hood-containerd",
      title: "Looking Under the Hood: containerD",
      kind: "talk",
      abstract:
        "Scott Coulton looks under the hood of containerd, the container runtime that the Docker engine and Kubernetes use to handle the container lifecycle. Demos pull and run an image with the `ctr` CLI without Docker installed, run Docker on top of containerd, and build a LinuxKit image. The talk also covers how Puppet uses LinuxKit and how containerd relates to Kubernetes.",
      day: "2017-10-18",
      start: "2017-10-18T14:00",
      end: "2017-10-18T14:40",
      track: "edge",
      room: "auditorium-15",
      speakers: ["scott-coulton"],
      illustrative: true,
    },

    // Published: title, speaker. Illustrative: day, time, room, track (Community Theater).
    {
      guid: "be8260f5-5743-4c4a-a309-de846406e693",
      slug: "my-journey-to-go",
      title: "My Journey to Go",
      kind: "talk",
      abstract:
        "Ashley McNamara tells how she went from photographer to software developer at 32, through a coding bootcamp, to learning Go and teaching it in workshops. Her advice: don't learn alone, contribute to the projects you already use, and work with the community.",
      day: "2017-10-18",
      start: "2017-10-18T14:00",
      end: "2017-10-18T14:40",
      track: "community-theater",
      room: "community-theater",
      speakers: ["ashley-mcnamara"],
      illustrative: true,
    },

    // Published: title, speaker. Illustrative: day, time, room, track (Docker Best Practices).
    {
      guid: "767eb077-d594-4a43-98b1-59f110293aa8",
      slug: "taking-docker-to-production-what-you-need-to-know-and-decide",
      title: "Taking Docker to Production: What You Need to Know and Decide",
      kind: "talk",
      abstract:
        "Bret Fisher's pragmatic guide to taking Docker to production: limit simultaneous innovation, avoid the common Dockerfile anti-patterns, and decide where to deploy and which Linux distribution and kernel to run. The talk also covers growing Swarm from one node to three and five, outsourcing plumbing such as registries, logging and monitoring, and example tech stacks.",
      day: "2017-10-18",
      start: "2017-10-18T16:10",
      end: "2017-10-18T16:50",
      track: "docker-best-practices",
      room: "auditorium-10",
      speakers: ["bret-fisher"],
      illustrative: true,
    },
  ],
} satisfies ProgramInput;

/** The attendee's notes from the wrap-up, keyed by session slug, as Markdown. */
export const attendeeNotes: Record<string, string> = {
  "general-session-day-1": `The new CEO, Steve Singh, went on stage for the first 30 mn, inspiring the audience with what was done until now and more to come.

He went on describing the software supply chain…

…and MTA (Modernizing Traditional Apps) – MTA was definitely one of the main messages Docker Inc. pushed to the audience during the conference !

The first demo was about the DAC (Docker App Converter, should be shipping publicly end of 2017) : the engineers on stage converted an old Java War based application into an image deployed to the cloud.

Then a second demo continued the migration of the same Java based application, this time with orchestration, showcasing the Docker EE (UCP / Universal Control Plane) dashboard.

The orchestration was based on a Docker compose file, version 3.3, and was using secrets (secured password) and a secured network.

Then a senior PM introduced end to end security and enterprise multi tenancy.

Then, it was Solomon Hykes’ turn to be on stage, he committed to an open community, and then explained the current vision of Docker Inc. (four layers)

And he announced the biggest news of the conference : dilemma solved for out of the box orchestration : swarm AND kubernetes are going to be both available when you deploy docker (it should be generally available – you can sign up for the preview – by the end of the year for Docker4Mac, Docker4Windows, and Docker EE – it was not super clear what the pure Linux path is going to be, the Docker team is apparently figuring out how to handle updates gently…)

Then Brendan Burns, Kubernetes co founder working for Microsoft, went on stage and was happy to testify Microsoft is all about integration across platforms.

A demo of the Kubernetes integration was given by David Gageot, using docker stack commands to deploy to … a kubernetes cluster !!!

Docker Stack is now a first class citizen for Kubernetes, thanks to API Aggregation and Custom Resource Definitions; a linuxkit image with the original Kubernetes is being used for both docker and kubernetes. (no need for Minikube anymore on your laptop)

A few slides about Docker Enterprise edition were showed to the audience…

…with of course a demo of the kubernetes support : Kubernetes and Docker working together (kubectl can see Docker swarm nodes and interact with them, and vice versa; Docker EE knows about Kubernetes concepts); Tim Hockin from Google was on stage to demonstrate that.
`,

  "general-session-day-2": `Docker COO put great emphasis on the necessity of fast delivery and MTA.

A demo showed a « docker trust sign » command, with the use of a private key password; Docker ee allows you to only run / deploy signed images by a certain group.

All the session was centered around MTA, and Docker partnerships (consultants and customers and cloud providers) – nothing technically interesting there.
`,

  "play-with-docker-inside-out": `No doubt, this was one of my favorite sessions : this tool, or PWD for the intimates, is really a gem !

What do its developers Jonathan and Marcos have to say about it ? « Biggest honeypot on the internet ! »

It runs Docker, even Docker Swarm, on shared Azure instances, via Docker In Docker (dind) – it allows anonymous people on the web to play with Docker.

During a demo they showcased drag n drop of files into PWD (for example you drop a docker compose file and you can deploy the stack right away)

User session is coming: no more captchas, you will be able to auth. with dockerid to keep your progress with labs. Windows containers were also introduced recently, providing the same experience.

The first challenge was about networking : first attempt with vpn, but it was hard to deal with windows VMs, so problem was solved on the linux hosts via iptables routing.

Second challenge was with the terminal : attempts with windows powershell and windows ssh, but ended up using nodejs pty because of slowness.

Public PWD is coming to other regions (currently west North America I believe), and alibaba cloud too.

It’s open source too : to run on your organization infrastructure.

Talking with the two presenters, I asked them if it was « secure » to login to his / her own docker account to pull private images (on dockerhub / or any other registry) from PWD; and they replied to me they would not recommend me to use the docker login directly in the browser, but that connecting through ssh and doing the docker login from my laptop would be safer, since my password would never be stored or known by PWD (just a token, so still a security risk).

Your best security bet with PWD ? hosting it yourself, it’s open source !
`,

  "linuxkit-deep-dive": `LinuxKit is a toolkit for building secure, portable and lean OSes for containers.

What’s new ? arm64 support, Kubernetes support, Linux Containers on Windows, and improved platform support.

During a demo Rolf built a linuxkit on x86_64, an arm64 server and a Raspberry PI3 using the same yaml build file and the same command line « moby build ».

Then he booted them using the linuxkit command.

Linuxkit base images are based on alpine and add several packages such as compilers, dhcp clients, etc. All the binaries will be run in containers with the minimum required kernel capabilities, to reduce the attack surface.

Linuxkit packages are signed and available on dockerhub.

Signing packages will be easier with « docker manifest » and « docker trust » commands (coming soon)

Justin of course talked about the most interesting recent addition, the Kubernetes inclusion

Finally, he introduced Wireguard : it’s a fast modern VPN included in linuxkit, that appears as a network interface, and allows you to pipe traffic into a secured channel.
`,

  "my-journey-to-go": `Not exactly a technical session, but a fun and refreshing one : Ashley is a photographer who became software developer at age 32.

She went through a code bootcamp, a terrible 12 weeks experience

She then created a popular Github page for developer resources.

Thanks to Steve Francia, she learned Go and gave several workshops about Go since then.

Ashley recommends people to not learn all alone, but to go out and find help.

The best project to contribute to is the one you’re already using.

She created the gophers repo (cute Go pictures) on GitHub.

She recommends developers to work with community (stack overflow, blog posts, open / close tickets and contribution to docs).
`,

  "modernizing-traditional-apps-java-edition": `Containers allow you to abstract applications (that sometimes you don’t have the source code anymore…) from infrastructure, they can also reduce the attack surface area. (see my notes on linuxkit for example, the base image generator for many Docker host deployments)

Docker compose files are the way to go to drastically simplify deployments (versus a set of Docker command lines)

Across staging, you can scan your images for vulnerabilities (usually through enterprise products such as … Docker ee !)

For the demo, they used a lab; it’s pretty cool to follow through, it’s based on Play With Docker, no need to install anything on your machine, it’s only going to take you 10mn of your time, I highly recommend this lab !
`,

  "containerizing-hardware-accelerated-applications": `Chelsea began the talk with a quick intro to hardware accelerators (gpu, asic, fpga, etc.)

Then, she presented the Media Stack she used (her use case was video files conversion, using ffmpeg, relying on GPU hardware acceleration)

The Media Stack can be deployed using Docker as well

The container will have dependencies on the hardware and kernel modules; the speaker considered running several media stack apps in the same container or just one (preferred container deployment pattern), but the performance impact was negligible.

You can run the container specifying the particular device required or you can give it additional capabilities. (If the driver allows several applications to run and use the hardware accelerator concurrently, then you can run several containers against it as well – running your process in a container or outside does not change a thing from a driver / kernel perspective)

Your orchestration tool could understand hardware requirements; so could be worth it to use docker compose files to deploy the media stack.

Of course, such containers aren’t portable (since they require special hardware AND special kernel features / drivers from the Docker host), hence they’re pretty difficult to run…
`,

  "looking-under-the-hood-containerd": `containerd is the industry standard for container runtimes (docker engine and kubernetes use it – it’s the component that will handle the containers lifecycle)

The container CLI (ctr) communicates with a daemon exposing a gRPC API over a unix sock and protobuffs.

Demo : we can pull directly from ctr pull and run an image, without docker installed, just containerd

Who uses containerd ? The Moby Project: the docker engine, swarmkit, hyperkit, runc, linuxkit plug into containerd.

Demo : we can run docker on top of containerd

The speaker then talked about linuxkit : it’s a lean, minimal size OS.

At Puppet, they made sure to only ship necessary packages in their linux image built from linuxkit.

linuxkit is also immutable, and its init is very basic : initd, runc, containerd and certificates are the only additional packages added to the linux image.

Demo : he built a linuxkit image with : moby build config.yml

What about kubernetes ? how does it interact with kubernetes ? The containerd kubernetes integration is on github.

cri-o, rocketos are the competing runtimes, but their market share is super low. (1% maybe)
`,

  "taking-docker-to-production-what-you-need-to-know-and-decide": `This talk was very well attended (200+ people) and pretty entertaining, thanks to a quiz on 80’ies video games being run along the talk, nice idea !

Bret basically told the audience to be pragmatic when Modernizing Traditional Apps (MTA) to Docker.

Limit your simultaneous innovation (aka scope creep) : is it necessary to have CI/CD on day one ? to containerize everything ? to persist data ? to allow dynamic performance scaling ? Also remember it’s not required to switch to micro services

### First focus: Dockerfile and Dockerfile anti patterns

- trapping data (keeping data into the container) ; you need to use volumes when your app stores data
- Never use latest ! Same thing for packages installed via package manager, for critical packages, pin versions (apk add bash@VERSION)
- don’t leave the default config, use one with sane settings for a container run.
- don’t copy config at image build, use an entry point to overwrite per environment config (from env variables)

### Where to deploy? VM or bare metal?

As you wish – choose what you’re most comfortable with.

There is a white paper with a MySQL benchmark (comparison of performance across different container deployment scenarios).

### Linux Distribution / kernel

The Linux distribution of your host does not matter that much; but make sure to use most recent kernels.

Not sure ? Ubuntu 16.04 LTS, popular very well tested with Docker, wide storage driver support.

Or build your own linuxkit !

- start with baby swarm : 1-node ; it will already give you more features (services that can heal, etc.)
- then HA swarm : 3-Node
- finally biz swarm 5-Node

Don’t turn cattle into pets : there should be no special container (meaning you should not have containers that can’t be replaced without affecting the system).

Multiple Swarms ?

### Consider Outsourcing your plumbing

- don’t build your own image registry, there are plenty of them out there (Nexus3, Artifactory, Docker Trusted Registry, etc.)
- logs : some people use Elastic Search to store their logs (provided all your container logs go to sysout / syserr !)
- monitoring and logging : you can have a look at the Cloud Native Computing Foundation (cncf) webpage about tools.

### Tech stacks

- Full opensource stack
- Docker EE stack

You could also consider having just 1 container per VM, at least to start and explore how your software behaves.
`,
};

export const attendee = {
  name: "SoftwareAG attendee",
  email: "attendee@demo.hallway.invalid",
};
