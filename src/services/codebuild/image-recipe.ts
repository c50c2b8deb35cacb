/**
 * @module services/codebuild/image-recipe
 * How Slipway makes its build image on a machine that can pull nothing from Docker Hub or ECR
 * Public: `debootstrap --variant=minbase bookworm` on the host (Debian's mirror is reachable),
 * `docker import` of that root filesystem as slipway/debian:bookworm, then a Dockerfile that installs
 * the tools CodeBuild's standard images carry from Debian's packages. Both images are labelled with
 * the hash of their recipe, so a changed recipe is rebuilt and an unchanged one never is.
 */
import { createHash } from 'node:crypto';

export const DEBIAN_SUITE = 'bookworm';
export const BASE_IMAGE = `slipway/debian:${DEBIAN_SUITE}`;
export const STANDARD_REPO = 'slipway/codebuild-standard';
export const RECIPE_LABEL = 'slipway.recipe';

export function debianMirror(env: NodeJS.ProcessEnv = process.env): string {
  return (env.SLIPWAY_DEBIAN_MIRROR || 'http://deb.debian.org/debian').replace(/\/$/, '');
}

export function debootstrapArgs(rootfs: string, mirror: string): string[] {
  return ['--variant=minbase', DEBIAN_SUITE, rootfs, mirror];
}

/** Debian packages in the build image: CodeBuild standard's everyday tools. */
export const PACKAGES = [
  'bash',
  'git',
  'ca-certificates',
  'curl',
  'wget',
  'jq',
  'zip',
  'unzip',
  'xz-utils',
  'openssh-client',
  'procps',
  'less',
  'make',
  'python3',
  'python-is-python3',
  'python3-pip',
  'python3-venv',
  'python3-pytest',
  'awscli',
  'python3-boto3',
  'nodejs',
  'npm',
  // So that FastAPI services like seed 003's install (pip finds them satisfied) and test offline.
  'python3-fastapi',
  'python3-uvicorn',
  'python3-httpx',
];

/**
 * The Dockerfile on top of the base. The docker CLI is taken out of Debian's docker.io package (in
 * bookworm `docker-cli` is only a name docker.io provides); no daemon is installed: privileged
 * builds reach the host's engine through its socket. pip may install into the system Python, as on
 * CodeBuild's images (Debian marks it externally managed). Debian's fastapi 0.92 works with its
 * starlette 0.26 but still declares <0.26, which would send pip to PyPI: the declaration is relaxed.
 */
export function standardDockerfile(): string {
  return `FROM ${BASE_IMAGE}
ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
RUN apt-get update \\
 && apt-get install -y --no-install-recommends ${PACKAGES.join(' ')} \\
 && cd /tmp && apt-get download docker.io \\
 && dpkg-deb --fsys-tarfile docker.io_*.deb | tar -x -C / ./usr/bin/docker && rm -f docker.io_*.deb \\
 && sed -i 's/^Requires-Dist: starlette<0.26.0,>=0.25.0$/Requires-Dist: starlette>=0.25.0/' /usr/lib/python3/dist-packages/fastapi-*.dist-info/METADATA \\
 && rm -f /usr/lib/python3*/EXTERNALLY-MANAGED \\
 && apt-get clean && rm -rf /var/lib/apt/lists/* \\
 && docker --version && aws --version && python3 -c "import boto3" && python3 -m pytest --version && node --version && git --version
CMD ["bash"]
`;
}

export function hashOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
}

export function baseRecipeHash(mirror: string): string {
  return hashOf('debootstrap', ...debootstrapArgs('ROOTFS', mirror));
}

export function standardRecipeHash(mirror: string): string {
  return hashOf(baseRecipeHash(mirror), standardDockerfile());
}

/** CodeBuild's curated image names (and their ECR Public copies) → the tag of Slipway's build image. */
export function standardTagFor(image: string): string | undefined {
  const m = image.match(/^(?:public\.ecr\.aws\/)?(?:aws\/)?codebuild\/(?:standard|amazonlinux[\w-]*|ubuntu[\w-]*)(?::([\w.-]+))?$/);
  return m ? `${STANDARD_REPO}:${m[1] ?? 'latest'}` : undefined;
}

/**
 * Turns the tools' own output into percentages of the whole recipe: debootstrap's "I:" lines (about
 * 450 for minbase), the import, then apt's Get/Unpacking/Setting up lines (three per package).
 */
export class RecipeProgress {
  private debootstrapLines = 0;
  private aptTotal = 0;
  private aptDone = 0;
  percent = 0;

  debootstrap(line: string): number {
    if (line.startsWith('I: ')) this.debootstrapLines++;
    return this.bump(Math.min(34, Math.floor((this.debootstrapLines / 450) * 35)));
  }

  imported(): number {
    return this.bump(40);
  }

  dockerfile(line: string): number {
    const planned = line.match(/(\d+) newly installed/);
    if (planned) this.aptTotal = Number(planned[1]) * 3;
    if (/^(Get:\d+ |Unpacking |Setting up )/.test(line)) this.aptDone++;
    if (this.aptTotal > 0) return this.bump(40 + Math.min(58, Math.floor((this.aptDone / this.aptTotal) * 58)));
    return this.percent;
  }

  private bump(value: number): number {
    this.percent = Math.max(this.percent, value);
    return this.percent;
  }
}
