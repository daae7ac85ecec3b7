import { Injectable } from '@nestjs/common'
import type { EntityManager } from 'typeorm'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import { RosterRepository } from './roster.repository'

/** A person on a village's roster, as other modules may see them. */
export interface RosterPerson {
  id: number
  villageId: number
  name: string
  accountId: number | null
}

/** How a person applying for a certificate is named and reached, as the roster has it. */
export interface RosterContact {
  id: number
  villageId: number
  name: string
  phone: string | null
}

/** A roster person found by their ID number, with the phone the roster holds for them. */
export interface RosterMatch extends RosterPerson {
  phone: string | null
}

/** What other modules may look up on the roster; the roster module's public face. */
@Injectable()
export class RosterDirectory {
  constructor(
    private readonly repo: RosterRepository,
    private readonly crypto: FieldCrypto,
  ) {}

  /** The person with this roster id in this village, or null. */
  async person(villageId: number, id: number, m?: EntityManager): Promise<RosterPerson | null> {
    const r = await this.repo.person(villageId, id, m)
    return r ? { id: r.id, villageId: r.villageId, name: r.name, accountId: r.accountId } : null
  }

  /** The person's name and phone in this village, or null. */
  async contact(villageId: number, id: number, m?: EntityManager): Promise<RosterContact | null> {
    const r = await this.repo.identity(villageId, id, m)
    return r ? { id: r.id, villageId: r.villageId, name: r.name, phone: r.phone } : null
  }

  /**
   * The person's ID number in full, or null when they are not on this village's roster. Only for what
   * must print it (a certificate names its holder by it); every view masks it.
   */
  async idNumber(villageId: number, id: number, m?: EntityManager): Promise<string | null> {
    const r = await this.repo.identity(villageId, id, m)
    return r ? this.crypto.decrypt(r.idNumberEnc) : null
  }

  /** The village's person with this (valid, normalised) ID number, found by its keyed hash, or null. */
  async personByIdNumber(villageId: number, idNumber: string, m: EntityManager): Promise<RosterMatch | null> {
    const r = await this.repo.personByIdHash(m, villageId, this.crypto.blindIndex(idNumber))
    return r
      ? { id: r.id, villageId: r.villageId, name: r.name, accountId: r.accountId, phone: r.phone }
      : null
  }

  /** Links the person to the account that proved to be them (实名认证), in the caller's transaction. */
  linkAccount(m: EntityManager, residentId: number, accountId: number): Promise<void> {
    return this.repo.linkAccount(m, residentId, accountId)
  }

  /** The roster names of these people. */
  names(ids: number[]): Promise<Map<number, string>> {
    return this.repo.names(ids)
  }

  /** How many households and people the village's roster holds. */
  counts(villageId: number): Promise<{ households: number; residents: number }> {
    return this.repo.counts(villageId)
  }
}
