export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      amount_ceilings: {
        Row: {
          description: string
          kind: string
          max_fen: number
          updated_at: string
          updated_by: string | null
        }
        Insert: {
          description: string
          kind: string
          max_fen: number
          updated_at?: string
          updated_by?: string | null
        }
        Update: {
          description?: string
          kind?: string
          max_fen?: number
          updated_at?: string
          updated_by?: string | null
        }
        Relationships: []
      }
      audit_log: {
        Row: {
          action: string
          actor_email: string | null
          actor_id: string | null
          actor_role: Database["public"]["Enums"]["staff_role"] | null
          after: Json | null
          at: string
          before: Json | null
          entity: string
          entity_id: string | null
          id: number
          reason: string | null
          region_code: string | null
        }
        Insert: {
          action: string
          actor_email?: string | null
          actor_id?: string | null
          actor_role?: Database["public"]["Enums"]["staff_role"] | null
          after?: Json | null
          at?: string
          before?: Json | null
          entity: string
          entity_id?: string | null
          id?: never
          reason?: string | null
          region_code?: string | null
        }
        Update: {
          action?: string
          actor_email?: string | null
          actor_id?: string | null
          actor_role?: Database["public"]["Enums"]["staff_role"] | null
          after?: Json | null
          at?: string
          before?: Json | null
          entity?: string
          entity_id?: string | null
          id?: never
          reason?: string | null
          region_code?: string | null
        }
        Relationships: []
      }
      bank_accounts: {
        Row: {
          account_hash: string
          account_last4: string
          account_no_enc: string
          active: boolean
          added_by: string | null
          bank_name: string
          branch_name: string | null
          city_code: string | null
          created_at: string
          holder_name: string
          id: string
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          reject_reason: string | null
          rejected_at: string | null
          rejected_by: string | null
          verified: boolean
          verified_at: string | null
          verified_by: string | null
        }
        Insert: {
          account_hash: string
          account_last4: string
          account_no_enc: string
          active?: boolean
          added_by?: string | null
          bank_name: string
          branch_name?: string | null
          city_code?: string | null
          created_at?: string
          holder_name: string
          id?: string
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          reject_reason?: string | null
          rejected_at?: string | null
          rejected_by?: string | null
          verified?: boolean
          verified_at?: string | null
          verified_by?: string | null
        }
        Update: {
          account_hash?: string
          account_last4?: string
          account_no_enc?: string
          active?: boolean
          added_by?: string | null
          bank_name?: string
          branch_name?: string | null
          city_code?: string | null
          created_at?: string
          holder_name?: string
          id?: string
          owner_id?: string
          owner_type?: Database["public"]["Enums"]["money_owner_type"]
          reject_reason?: string | null
          rejected_at?: string | null
          rejected_by?: string | null
          verified?: boolean
          verified_at?: string | null
          verified_by?: string | null
        }
        Relationships: []
      }
      car_brands: {
        Row: {
          active: boolean
          country: string | null
          created_at: string
          first_letter: string
          id: number
          logo_url: string | null
          name: string
          name_en: string | null
          name_initials: string
          name_pinyin: string
          sort_order: number
        }
        Insert: {
          active?: boolean
          country?: string | null
          created_at?: string
          first_letter: string
          id?: number
          logo_url?: string | null
          name: string
          name_en?: string | null
          name_initials: string
          name_pinyin: string
          sort_order?: number
        }
        Update: {
          active?: boolean
          country?: string | null
          created_at?: string
          first_letter?: string
          id?: number
          logo_url?: string | null
          name?: string
          name_en?: string | null
          name_initials?: string
          name_pinyin?: string
          sort_order?: number
        }
        Relationships: []
      }
      car_models: {
        Row: {
          active: boolean
          battery_kwh: number | null
          created_at: string
          displacement_l: number | null
          drive: string | null
          energy: Database["public"]["Enums"]["energy_type"]
          fuel_l_per_100km: number | null
          gearbox: Database["public"]["Enums"]["gearbox_type"]
          guide_price_fen: number | null
          height_mm: number | null
          id: number
          length_mm: number | null
          maintenance_params: NonNullable<Json>
          model_year: number
          name: string
          oil_capacity_l: number | null
          oil_grade: string | null
          power_kw: number | null
          range_km: number | null
          seats: number | null
          series_id: number
          service_interval_km: number | null
          service_interval_months: number | null
          tyre_size: string | null
          vehicle_params: NonNullable<Json>
          wheelbase_mm: number | null
          width_mm: number | null
        }
        Insert: {
          active?: boolean
          battery_kwh?: number | null
          created_at?: string
          displacement_l?: number | null
          drive?: string | null
          energy: Database["public"]["Enums"]["energy_type"]
          fuel_l_per_100km?: number | null
          gearbox: Database["public"]["Enums"]["gearbox_type"]
          guide_price_fen?: number | null
          height_mm?: number | null
          id?: number
          length_mm?: number | null
          maintenance_params?: NonNullable<Json>
          model_year: number
          name: string
          oil_capacity_l?: number | null
          oil_grade?: string | null
          power_kw?: number | null
          range_km?: number | null
          seats?: number | null
          series_id: number
          service_interval_km?: number | null
          service_interval_months?: number | null
          tyre_size?: string | null
          vehicle_params?: NonNullable<Json>
          wheelbase_mm?: number | null
          width_mm?: number | null
        }
        Update: {
          active?: boolean
          battery_kwh?: number | null
          created_at?: string
          displacement_l?: number | null
          drive?: string | null
          energy?: Database["public"]["Enums"]["energy_type"]
          fuel_l_per_100km?: number | null
          gearbox?: Database["public"]["Enums"]["gearbox_type"]
          guide_price_fen?: number | null
          height_mm?: number | null
          id?: number
          length_mm?: number | null
          maintenance_params?: NonNullable<Json>
          model_year?: number
          name?: string
          oil_capacity_l?: number | null
          oil_grade?: string | null
          power_kw?: number | null
          range_km?: number | null
          seats?: number | null
          series_id?: number
          service_interval_km?: number | null
          service_interval_months?: number | null
          tyre_size?: string | null
          vehicle_params?: NonNullable<Json>
          wheelbase_mm?: number | null
          width_mm?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "car_models_series_id_fkey"
            columns: ["series_id"]
            isOneToOne: false
            referencedRelation: "car_series"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "car_models_series_id_fkey"
            columns: ["series_id"]
            isOneToOne: false
            referencedRelation: "v_car_series"
            referencedColumns: ["id"]
          },
        ]
      }
      car_series: {
        Row: {
          active: boolean
          body_type: string | null
          brand_id: number
          created_at: string
          id: number
          maker: string | null
          name: string
          name_initials: string
          name_pinyin: string
        }
        Insert: {
          active?: boolean
          body_type?: string | null
          brand_id: number
          created_at?: string
          id?: number
          maker?: string | null
          name: string
          name_initials: string
          name_pinyin: string
        }
        Update: {
          active?: boolean
          body_type?: string | null
          brand_id?: number
          created_at?: string
          id?: number
          maker?: string | null
          name?: string
          name_initials?: string
          name_pinyin?: string
        }
        Relationships: [
          {
            foreignKeyName: "car_series_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "car_series_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "v_car_brands"
            referencedColumns: ["id"]
          },
        ]
      }
      channel_statement_lines: {
        Row: {
          amount_fen: number
          channel: Database["public"]["Enums"]["payment_channel"]
          channel_txn_id: string
          id: number
          occurred_at: string
          statement_id: number
        }
        Insert: {
          amount_fen: number
          channel: Database["public"]["Enums"]["payment_channel"]
          channel_txn_id: string
          id?: never
          occurred_at: string
          statement_id: number
        }
        Update: {
          amount_fen?: number
          channel?: Database["public"]["Enums"]["payment_channel"]
          channel_txn_id?: string
          id?: never
          occurred_at?: string
          statement_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "channel_statement_lines_statement_id_fkey"
            columns: ["statement_id"]
            isOneToOne: false
            referencedRelation: "channel_statements"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "channel_statement_lines_statement_id_fkey"
            columns: ["statement_id"]
            isOneToOne: false
            referencedRelation: "v_channel_statements"
            referencedColumns: ["id"]
          },
        ]
      }
      channel_statements: {
        Row: {
          channel: Database["public"]["Enums"]["payment_channel"]
          id: number
          imported_at: string
          imported_by: string | null
          period_from: string
          period_to: string
          statement_ref: string
        }
        Insert: {
          channel: Database["public"]["Enums"]["payment_channel"]
          id?: never
          imported_at?: string
          imported_by?: string | null
          period_from: string
          period_to: string
          statement_ref: string
        }
        Update: {
          channel?: Database["public"]["Enums"]["payment_channel"]
          id?: never
          imported_at?: string
          imported_by?: string | null
          period_from?: string
          period_to?: string
          statement_ref?: string
        }
        Relationships: []
      }
      commissions: {
        Row: {
          amount_fen: number
          base_amount_fen: number
          beneficiary_id: string
          cancelled_at: string | null
          city_code: string | null
          clawed_back_at: string | null
          created_at: string
          id: number
          is_clawback: boolean
          journal_id: number
          merchant_id: string
          rate: number
          released_at: string | null
          reverses_id: number | null
          rule: string
          status: Database["public"]["Enums"]["commission_status"]
          tier: number
          trade_id: string
          unfreeze_at: string
        }
        Insert: {
          amount_fen: number
          base_amount_fen: number
          beneficiary_id: string
          cancelled_at?: string | null
          city_code?: string | null
          clawed_back_at?: string | null
          created_at?: string
          id?: never
          is_clawback?: boolean
          journal_id: number
          merchant_id: string
          rate: number
          released_at?: string | null
          reverses_id?: number | null
          rule: string
          status: Database["public"]["Enums"]["commission_status"]
          tier: number
          trade_id: string
          unfreeze_at: string
        }
        Update: {
          amount_fen?: number
          base_amount_fen?: number
          beneficiary_id?: string
          cancelled_at?: string | null
          city_code?: string | null
          clawed_back_at?: string | null
          created_at?: string
          id?: never
          is_clawback?: boolean
          journal_id?: number
          merchant_id?: string
          rate?: number
          released_at?: string | null
          reverses_id?: number | null
          rule?: string
          status?: Database["public"]["Enums"]["commission_status"]
          tier?: number
          trade_id?: string
          unfreeze_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "commissions_beneficiary_id_fkey"
            columns: ["beneficiary_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_beneficiary_id_fkey"
            columns: ["beneficiary_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_beneficiary_id_fkey"
            columns: ["beneficiary_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_journal_id_fkey"
            columns: ["journal_id"]
            isOneToOne: false
            referencedRelation: "ledger_journals"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_reverses_id_fkey"
            columns: ["reverses_id"]
            isOneToOne: false
            referencedRelation: "commissions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_reverses_id_fkey"
            columns: ["reverses_id"]
            isOneToOne: false
            referencedRelation: "v_commissions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "v_distribution_trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "v_trades"
            referencedColumns: ["id"]
          },
        ]
      }
      complaint_history: {
        Row: {
          actor_id: string | null
          at: string
          complaint_id: string
          from_state: Database["public"]["Enums"]["complaint_state"] | null
          id: number
          note: string | null
          reason_code: string | null
          to_state: Database["public"]["Enums"]["complaint_state"]
        }
        Insert: {
          actor_id?: string | null
          at?: string
          complaint_id: string
          from_state?: Database["public"]["Enums"]["complaint_state"] | null
          id?: never
          note?: string | null
          reason_code?: string | null
          to_state: Database["public"]["Enums"]["complaint_state"]
        }
        Update: {
          actor_id?: string | null
          at?: string
          complaint_id?: string
          from_state?: Database["public"]["Enums"]["complaint_state"] | null
          id?: never
          note?: string | null
          reason_code?: string | null
          to_state?: Database["public"]["Enums"]["complaint_state"]
        }
        Relationships: [
          {
            foreignKeyName: "complaint_history_complaint_id_fkey"
            columns: ["complaint_id"]
            isOneToOne: false
            referencedRelation: "complaints"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaint_history_complaint_id_fkey"
            columns: ["complaint_id"]
            isOneToOne: false
            referencedRelation: "v_complaints"
            referencedColumns: ["id"]
          },
        ]
      }
      complaint_messages: {
        Row: {
          attachments: string[]
          audience: string | null
          author_kind: string
          author_staff_id: string | null
          body: string
          complaint_id: string
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["complaint_message_kind"]
        }
        Insert: {
          attachments?: string[]
          audience?: string | null
          author_kind: string
          author_staff_id?: string | null
          body: string
          complaint_id: string
          created_at?: string
          id?: never
          kind: Database["public"]["Enums"]["complaint_message_kind"]
        }
        Update: {
          attachments?: string[]
          audience?: string | null
          author_kind?: string
          author_staff_id?: string | null
          body?: string
          complaint_id?: string
          created_at?: string
          id?: never
          kind?: Database["public"]["Enums"]["complaint_message_kind"]
        }
        Relationships: [
          {
            foreignKeyName: "complaint_messages_author_staff_id_fkey"
            columns: ["author_staff_id"]
            isOneToOne: false
            referencedRelation: "staff"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaint_messages_complaint_id_fkey"
            columns: ["complaint_id"]
            isOneToOne: false
            referencedRelation: "complaints"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaint_messages_complaint_id_fkey"
            columns: ["complaint_id"]
            isOneToOne: false
            referencedRelation: "v_complaints"
            referencedColumns: ["id"]
          },
        ]
      }
      complaints: {
        Row: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        Insert: {
          assigned_at?: string | null
          assignee_id?: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at?: string | null
          content: string
          created_at?: string
          first_responded_at?: string | null
          first_response_due_at: string
          id?: string
          images?: string[]
          member_id: string
          merchant_id: string
          merchant_no_response?: boolean
          merchant_reply_due_at?: string | null
          outcome?: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy?: string | null
          reservation_id?: string | null
          resolution_due_at: string
          resolved_at?: string | null
          severity?: Database["public"]["Enums"]["complaint_severity"]
          state?: Database["public"]["Enums"]["complaint_state"]
          state_changed_at?: string
          state_reason?: string | null
          title: string
          trade_id?: string | null
        }
        Update: {
          assigned_at?: string | null
          assignee_id?: string | null
          category?: Database["public"]["Enums"]["complaint_category"]
          city_code?: string
          closed_at?: string | null
          content?: string
          created_at?: string
          first_responded_at?: string | null
          first_response_due_at?: string
          id?: string
          images?: string[]
          member_id?: string
          merchant_id?: string
          merchant_no_response?: boolean
          merchant_reply_due_at?: string | null
          outcome?: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy?: string | null
          reservation_id?: string | null
          resolution_due_at?: string
          resolved_at?: string | null
          severity?: Database["public"]["Enums"]["complaint_severity"]
          state?: Database["public"]["Enums"]["complaint_state"]
          state_changed_at?: string
          state_reason?: string | null
          title?: string
          trade_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "complaints_assignee_id_fkey"
            columns: ["assignee_id"]
            isOneToOne: false
            referencedRelation: "staff"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "complaints_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: false
            referencedRelation: "reservations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: false
            referencedRelation: "v_reservations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "v_distribution_trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "v_trades"
            referencedColumns: ["id"]
          },
        ]
      }
      core_settings: {
        Row: {
          binding_days: number
          complaint_auto_close_days: number
          complaint_first_response_hours: number
          complaint_merchant_reply_hours: number
          complaint_resolution_days: number
          deal_auto_close_days: number
          id: number
          merchant_grace_days: number
          mfa_required_roles: Database["public"]["Enums"]["staff_role"][]
          penalty_suspend_threshold: number
          price_cut_review_share: number
          promotion_slots_per_model: number
          reservation_confirm_hours: number
          updated_at: string
        }
        Insert: {
          binding_days?: number
          complaint_auto_close_days?: number
          complaint_first_response_hours?: number
          complaint_merchant_reply_hours?: number
          complaint_resolution_days?: number
          deal_auto_close_days?: number
          id?: number
          merchant_grace_days?: number
          mfa_required_roles?: Database["public"]["Enums"]["staff_role"][]
          penalty_suspend_threshold?: number
          price_cut_review_share?: number
          promotion_slots_per_model?: number
          reservation_confirm_hours?: number
          updated_at?: string
        }
        Update: {
          binding_days?: number
          complaint_auto_close_days?: number
          complaint_first_response_hours?: number
          complaint_merchant_reply_hours?: number
          complaint_resolution_days?: number
          deal_auto_close_days?: number
          id?: number
          merchant_grace_days?: number
          mfa_required_roles?: Database["public"]["Enums"]["staff_role"][]
          penalty_suspend_threshold?: number
          price_cut_review_share?: number
          promotion_slots_per_model?: number
          reservation_confirm_hours?: number
          updated_at?: string
        }
        Relationships: []
      }
      customer_bindings: {
        Row: {
          bound_at: string
          click_id: number | null
          distributor_id: string
          end_reason: string | null
          ended_at: string | null
          expires_at: string
          id: string
          member_id: string
          merchant_id: string
          share_id: string
        }
        Insert: {
          bound_at?: string
          click_id?: number | null
          distributor_id: string
          end_reason?: string | null
          ended_at?: string | null
          expires_at: string
          id?: string
          member_id: string
          merchant_id: string
          share_id: string
        }
        Update: {
          bound_at?: string
          click_id?: number | null
          distributor_id?: string
          end_reason?: string | null
          ended_at?: string | null
          expires_at?: string
          id?: string
          member_id?: string
          merchant_id?: string
          share_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "customer_bindings_click_id_fkey"
            columns: ["click_id"]
            isOneToOne: false
            referencedRelation: "share_clicks"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "shares"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "v_shares"
            referencedColumns: ["id"]
          },
        ]
      }
      four_eyes_rules: {
        Row: {
          description: string
          enabled: boolean
          locked: boolean
          rule: string
          threshold_fen: number | null
          updated_at: string
          updated_by: string | null
        }
        Insert: {
          description: string
          enabled?: boolean
          locked?: boolean
          rule: string
          threshold_fen?: number | null
          updated_at?: string
          updated_by?: string | null
        }
        Update: {
          description?: string
          enabled?: boolean
          locked?: boolean
          rule?: string
          threshold_fen?: number | null
          updated_at?: string
          updated_by?: string | null
        }
        Relationships: []
      }
      ledger_accounts: {
        Row: {
          allow_negative: boolean
          balance_fen: number
          city_code: string | null
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["ledger_account_kind"]
          normal_side: number
          owner_id: string | null
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          updated_at: string
        }
        Insert: {
          allow_negative?: boolean
          balance_fen?: number
          city_code?: string | null
          created_at?: string
          id?: never
          kind: Database["public"]["Enums"]["ledger_account_kind"]
          normal_side: number
          owner_id?: string | null
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          updated_at?: string
        }
        Update: {
          allow_negative?: boolean
          balance_fen?: number
          city_code?: string | null
          created_at?: string
          id?: never
          kind?: Database["public"]["Enums"]["ledger_account_kind"]
          normal_side?: number
          owner_id?: string | null
          owner_type?: Database["public"]["Enums"]["money_owner_type"]
          updated_at?: string
        }
        Relationships: []
      }
      ledger_entries: {
        Row: {
          account_id: number
          amount_fen: number
          id: number
          journal_id: number
          posted_at: string
        }
        Insert: {
          account_id: number
          amount_fen: number
          id?: never
          journal_id: number
          posted_at?: string
        }
        Update: {
          account_id?: number
          amount_fen?: number
          id?: never
          journal_id?: number
          posted_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "ledger_entries_account_id_fkey"
            columns: ["account_id"]
            isOneToOne: false
            referencedRelation: "ledger_accounts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ledger_entries_journal_id_fkey"
            columns: ["journal_id"]
            isOneToOne: false
            referencedRelation: "ledger_journals"
            referencedColumns: ["id"]
          },
        ]
      }
      ledger_journals: {
        Row: {
          actor_id: string | null
          id: number
          kind: string
          memo: string | null
          posted_at: string
          ref_id: string
          ref_type: string
        }
        Insert: {
          actor_id?: string | null
          id?: never
          kind: string
          memo?: string | null
          posted_at?: string
          ref_id: string
          ref_type: string
        }
        Update: {
          actor_id?: string | null
          id?: never
          kind?: string
          memo?: string | null
          posted_at?: string
          ref_id?: string
          ref_type?: string
        }
        Relationships: []
      }
      listing_history: {
        Row: {
          actor_id: string | null
          at: string
          dimension: string
          from_state: string | null
          id: number
          listing_id: string
          note: string | null
          reason_code: string | null
          to_state: string
        }
        Insert: {
          actor_id?: string | null
          at?: string
          dimension: string
          from_state?: string | null
          id?: never
          listing_id: string
          note?: string | null
          reason_code?: string | null
          to_state: string
        }
        Update: {
          actor_id?: string | null
          at?: string
          dimension?: string
          from_state?: string | null
          id?: never
          listing_id?: string
          note?: string | null
          reason_code?: string | null
          to_state?: string
        }
        Relationships: [
          {
            foreignKeyName: "listing_history_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listing_history_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "public_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listing_history_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "v_listings"
            referencedColumns: ["id"]
          },
        ]
      }
      listings: {
        Row: {
          approved_at: string | null
          brand_id: number
          city_code: string
          colour: string | null
          created_at: string
          deposit_fen: number | null
          description: string | null
          energy: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on: string | null
          forced_off_reason: string | null
          gearbox: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at: string | null
          holiday_price_fen: number | null
          holiday_starts_at: string | null
          id: string
          kind: Database["public"]["Enums"]["listing_kind"]
          listed_at: string | null
          merchant_id: string
          mileage_km: number | null
          model_id: number | null
          photos: string[]
          price_fen: number
          reject_reason: string | null
          review_state: Database["public"]["Enums"]["listing_review_state"]
          search: string | null
          search_grams: string[] | null
          series_id: number
          shelf_state: Database["public"]["Enums"]["listing_shelf_state"]
          sold_at: string | null
          submitted_at: string | null
          title: string
          trade_state: Database["public"]["Enums"]["listing_trade_state"]
          updated_at: string
          vin: string | null
          year: number | null
        }
        Insert: {
          approved_at?: string | null
          brand_id: number
          city_code: string
          colour?: string | null
          created_at?: string
          deposit_fen?: number | null
          description?: string | null
          energy?: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on?: string | null
          forced_off_reason?: string | null
          gearbox?: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at?: string | null
          holiday_price_fen?: number | null
          holiday_starts_at?: string | null
          id?: string
          kind: Database["public"]["Enums"]["listing_kind"]
          listed_at?: string | null
          merchant_id: string
          mileage_km?: number | null
          model_id?: number | null
          photos?: string[]
          price_fen: number
          reject_reason?: string | null
          review_state?: Database["public"]["Enums"]["listing_review_state"]
          search?: string | null
          search_grams?: never
          series_id: number
          shelf_state?: Database["public"]["Enums"]["listing_shelf_state"]
          sold_at?: string | null
          submitted_at?: string | null
          title: string
          trade_state?: Database["public"]["Enums"]["listing_trade_state"]
          updated_at?: string
          vin?: string | null
          year?: number | null
        }
        Update: {
          approved_at?: string | null
          brand_id?: number
          city_code?: string
          colour?: string | null
          created_at?: string
          deposit_fen?: number | null
          description?: string | null
          energy?: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on?: string | null
          forced_off_reason?: string | null
          gearbox?: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at?: string | null
          holiday_price_fen?: number | null
          holiday_starts_at?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["listing_kind"]
          listed_at?: string | null
          merchant_id?: string
          mileage_km?: number | null
          model_id?: number | null
          photos?: string[]
          price_fen?: number
          reject_reason?: string | null
          review_state?: Database["public"]["Enums"]["listing_review_state"]
          search?: string | null
          search_grams?: never
          series_id?: number
          shelf_state?: Database["public"]["Enums"]["listing_shelf_state"]
          sold_at?: string | null
          submitted_at?: string | null
          title?: string
          trade_state?: Database["public"]["Enums"]["listing_trade_state"]
          updated_at?: string
          vin?: string | null
          year?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "listings_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "v_car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "listings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "v_car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_series_id_fkey"
            columns: ["series_id"]
            isOneToOne: false
            referencedRelation: "car_series"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_series_id_fkey"
            columns: ["series_id"]
            isOneToOne: false
            referencedRelation: "v_car_series"
            referencedColumns: ["id"]
          },
        ]
      }
      member_actions: {
        Row: {
          action: string
          actor_id: string | null
          after: Json | null
          at: string
          before: Json | null
          id: number
          member_id: string
          note: string | null
          points_delta: number | null
          reason_code: string | null
        }
        Insert: {
          action: string
          actor_id?: string | null
          after?: Json | null
          at?: string
          before?: Json | null
          id?: never
          member_id: string
          note?: string | null
          points_delta?: number | null
          reason_code?: string | null
        }
        Update: {
          action?: string
          actor_id?: string | null
          after?: Json | null
          at?: string
          before?: Json | null
          id?: never
          member_id?: string
          note?: string | null
          points_delta?: number | null
          reason_code?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "member_actions_actor_id_fkey"
            columns: ["actor_id"]
            isOneToOne: false
            referencedRelation: "staff"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "member_actions_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "member_actions_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "member_actions_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
        ]
      }
      members: {
        Row: {
          auth_user_id: string | null
          avatar_url: string | null
          banned_at: string | null
          city_code: string | null
          depth: number | null
          has_promotion_rights: boolean
          id: string
          id_number: string | null
          id_number_masked: string | null
          level: Database["public"]["Enums"]["member_level"]
          nickname: string
          nickname_initials: string | null
          nickname_pinyin: string | null
          path: unknown
          phone: string | null
          phone_masked: string | null
          phone_tail: string | null
          points: number
          promotion_rights_at: string | null
          real_name: string | null
          registered_at: string
          search: string | null
          search_grams: string[] | null
          seq: number
          status: Database["public"]["Enums"]["member_status"]
          status_reason: string | null
          updated_at: string
          upline_id: string | null
        }
        Insert: {
          auth_user_id?: string | null
          avatar_url?: string | null
          banned_at?: string | null
          city_code?: string | null
          depth?: never
          has_promotion_rights?: boolean
          id?: string
          id_number?: string | null
          id_number_masked?: never
          level?: Database["public"]["Enums"]["member_level"]
          nickname: string
          nickname_initials?: string | null
          nickname_pinyin?: string | null
          path: unknown
          phone?: string | null
          phone_masked?: never
          phone_tail?: never
          points?: number
          promotion_rights_at?: string | null
          real_name?: string | null
          registered_at?: string
          search?: never
          search_grams?: never
          seq?: never
          status?: Database["public"]["Enums"]["member_status"]
          status_reason?: string | null
          updated_at?: string
          upline_id?: string | null
        }
        Update: {
          auth_user_id?: string | null
          avatar_url?: string | null
          banned_at?: string | null
          city_code?: string | null
          depth?: never
          has_promotion_rights?: boolean
          id?: string
          id_number?: string | null
          id_number_masked?: never
          level?: Database["public"]["Enums"]["member_level"]
          nickname?: string
          nickname_initials?: string | null
          nickname_pinyin?: string | null
          path?: unknown
          phone?: string | null
          phone_masked?: never
          phone_tail?: never
          points?: number
          promotion_rights_at?: string | null
          real_name?: string | null
          registered_at?: string
          search?: never
          search_grams?: never
          seq?: never
          status?: Database["public"]["Enums"]["member_status"]
          status_reason?: string | null
          updated_at?: string
          upline_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "members_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "members_upline_id_fkey"
            columns: ["upline_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "members_upline_id_fkey"
            columns: ["upline_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "members_upline_id_fkey"
            columns: ["upline_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
        ]
      }
      merchant_application_documents: {
        Row: {
          application_id: string
          created_at: string
          doc_number: string | null
          doc_type: Database["public"]["Enums"]["merchant_document_type"]
          file_url: string
          id: string
          valid_until: string | null
          version: number
        }
        Insert: {
          application_id: string
          created_at?: string
          doc_number?: string | null
          doc_type: Database["public"]["Enums"]["merchant_document_type"]
          file_url: string
          id?: string
          valid_until?: string | null
          version: number
        }
        Update: {
          application_id?: string
          created_at?: string
          doc_number?: string | null
          doc_type?: Database["public"]["Enums"]["merchant_document_type"]
          file_url?: string
          id?: string
          valid_until?: string | null
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "merchant_application_documents_application_id_fkey"
            columns: ["application_id"]
            isOneToOne: false
            referencedRelation: "merchant_applications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_application_documents_application_id_fkey"
            columns: ["application_id"]
            isOneToOne: false
            referencedRelation: "v_merchant_applications"
            referencedColumns: ["id"]
          },
        ]
      }
      merchant_application_history: {
        Row: {
          actor_id: string | null
          application_id: string
          at: string
          field_comments: Json | null
          from_state:
            | Database["public"]["Enums"]["merchant_application_state"]
            | null
          id: number
          note: string | null
          reason_code: string | null
          to_state: Database["public"]["Enums"]["merchant_application_state"]
          version: number
        }
        Insert: {
          actor_id?: string | null
          application_id: string
          at?: string
          field_comments?: Json | null
          from_state?:
            | Database["public"]["Enums"]["merchant_application_state"]
            | null
          id?: never
          note?: string | null
          reason_code?: string | null
          to_state: Database["public"]["Enums"]["merchant_application_state"]
          version: number
        }
        Update: {
          actor_id?: string | null
          application_id?: string
          at?: string
          field_comments?: Json | null
          from_state?:
            | Database["public"]["Enums"]["merchant_application_state"]
            | null
          id?: never
          note?: string | null
          reason_code?: string | null
          to_state?: Database["public"]["Enums"]["merchant_application_state"]
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "merchant_application_history_application_id_fkey"
            columns: ["application_id"]
            isOneToOne: false
            referencedRelation: "merchant_applications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_application_history_application_id_fkey"
            columns: ["application_id"]
            isOneToOne: false
            referencedRelation: "v_merchant_applications"
            referencedColumns: ["id"]
          },
        ]
      }
      merchant_application_versions: {
        Row: {
          application_id: string
          snapshot: NonNullable<Json>
          submitted_at: string
          version: number
        }
        Insert: {
          application_id: string
          snapshot: NonNullable<Json>
          submitted_at?: string
          version: number
        }
        Update: {
          application_id?: string
          snapshot?: NonNullable<Json>
          submitted_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "merchant_application_versions_application_id_fkey"
            columns: ["application_id"]
            isOneToOne: false
            referencedRelation: "merchant_applications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_application_versions_application_id_fkey"
            columns: ["application_id"]
            isOneToOne: false
            referencedRelation: "v_merchant_applications"
            referencedColumns: ["id"]
          },
        ]
      }
      merchant_applications: {
        Row: {
          address: string
          category_id: number | null
          city_code: string
          claimed_at: string | null
          company_name: string
          company_name_initials: string | null
          company_name_pinyin: string | null
          contact_name: string
          contact_phone: string
          contact_phone_masked: string | null
          created_at: string
          decided_at: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          field_comments: Json | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          merchant_id: string | null
          reject_reason: string | null
          reviewer_id: string | null
          search: string | null
          search_grams: string[] | null
          state: Database["public"]["Enums"]["merchant_application_state"]
          submitted_at: string | null
          updated_at: string
          version: number
        }
        Insert: {
          address: string
          category_id?: number | null
          city_code: string
          claimed_at?: string | null
          company_name: string
          company_name_initials?: string | null
          company_name_pinyin?: string | null
          contact_name: string
          contact_phone: string
          contact_phone_masked?: never
          created_at?: string
          decided_at?: string | null
          fee_plan?: Database["public"]["Enums"]["fee_plan"] | null
          field_comments?: Json | null
          id?: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat?: number | null
          legal_person_id_number?: string | null
          legal_person_name?: string | null
          licence_image_url?: string | null
          licence_no?: string | null
          lng?: number | null
          merchant_id?: string | null
          reject_reason?: string | null
          reviewer_id?: string | null
          search?: never
          search_grams?: never
          state?: Database["public"]["Enums"]["merchant_application_state"]
          submitted_at?: string | null
          updated_at?: string
          version?: number
        }
        Update: {
          address?: string
          category_id?: number | null
          city_code?: string
          claimed_at?: string | null
          company_name?: string
          company_name_initials?: string | null
          company_name_pinyin?: string | null
          contact_name?: string
          contact_phone?: string
          contact_phone_masked?: never
          created_at?: string
          decided_at?: string | null
          fee_plan?: Database["public"]["Enums"]["fee_plan"] | null
          field_comments?: Json | null
          id?: string
          kind?: Database["public"]["Enums"]["merchant_kind"]
          lat?: number | null
          legal_person_id_number?: string | null
          legal_person_name?: string | null
          licence_image_url?: string | null
          licence_no?: string | null
          lng?: number | null
          merchant_id?: string | null
          reject_reason?: string | null
          reviewer_id?: string | null
          search?: never
          search_grams?: never
          state?: Database["public"]["Enums"]["merchant_application_state"]
          submitted_at?: string | null
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "merchant_applications_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "merchant_categories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_applications_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "merchant_applications_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_applications_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_applications_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_applications_reviewer_id_fkey"
            columns: ["reviewer_id"]
            isOneToOne: false
            referencedRelation: "staff"
            referencedColumns: ["id"]
          },
        ]
      }
      merchant_categories: {
        Row: {
          active: boolean
          code: string
          commission_rate: number
          created_at: string
          deposit_required_fen: number
          distributor_rate: number
          id: number
          name: string
        }
        Insert: {
          active?: boolean
          code: string
          commission_rate: number
          created_at?: string
          deposit_required_fen?: number
          distributor_rate?: number
          id?: number
          name: string
        }
        Update: {
          active?: boolean
          code?: string
          commission_rate?: number
          created_at?: string
          deposit_required_fen?: number
          distributor_rate?: number
          id?: number
          name?: string
        }
        Relationships: []
      }
      merchant_commission_changes: {
        Row: {
          actor_id: string | null
          at: string
          id: number
          merchant_id: string
          new_category_id: number | null
          new_rate_override: number | null
          old_category_id: number | null
          old_rate_override: number | null
          reason: string
        }
        Insert: {
          actor_id?: string | null
          at?: string
          id?: never
          merchant_id: string
          new_category_id?: number | null
          new_rate_override?: number | null
          old_category_id?: number | null
          old_rate_override?: number | null
          reason: string
        }
        Update: {
          actor_id?: string | null
          at?: string
          id?: never
          merchant_id?: string
          new_category_id?: number | null
          new_rate_override?: number | null
          old_category_id?: number | null
          old_rate_override?: number | null
          reason?: string
        }
        Relationships: [
          {
            foreignKeyName: "merchant_commission_changes_actor_id_fkey"
            columns: ["actor_id"]
            isOneToOne: false
            referencedRelation: "staff"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_commission_changes_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_commission_changes_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_commission_changes_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_commission_changes_new_category_id_fkey"
            columns: ["new_category_id"]
            isOneToOne: false
            referencedRelation: "merchant_categories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_commission_changes_old_category_id_fkey"
            columns: ["old_category_id"]
            isOneToOne: false
            referencedRelation: "merchant_categories"
            referencedColumns: ["id"]
          },
        ]
      }
      merchant_penalties: {
        Row: {
          complaint_id: string | null
          created_at: string
          created_by: string | null
          expires_at: string
          id: string
          merchant_id: string
          reason: string
          revoke_reason: string | null
          revoked_at: string | null
          revoked_by: string | null
          size: number
          starts_at: string
        }
        Insert: {
          complaint_id?: string | null
          created_at?: string
          created_by?: string | null
          expires_at: string
          id?: string
          merchant_id: string
          reason: string
          revoke_reason?: string | null
          revoked_at?: string | null
          revoked_by?: string | null
          size: number
          starts_at?: string
        }
        Update: {
          complaint_id?: string | null
          created_at?: string
          created_by?: string | null
          expires_at?: string
          id?: string
          merchant_id?: string
          reason?: string
          revoke_reason?: string | null
          revoked_at?: string | null
          revoked_by?: string | null
          size?: number
          starts_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "merchant_penalties_complaint_id_fkey"
            columns: ["complaint_id"]
            isOneToOne: false
            referencedRelation: "complaints"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_penalties_complaint_id_fkey"
            columns: ["complaint_id"]
            isOneToOne: false
            referencedRelation: "v_complaints"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_penalties_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_penalties_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_penalties_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
        ]
      }
      merchant_score_history: {
        Row: {
          computed_at: string
          id: number
          level: number
          merchant_id: string
          rank_in_city: number | null
          rule_id: number
          run_id: number | null
          score: number
          terms: NonNullable<Json>
        }
        Insert: {
          computed_at?: string
          id?: never
          level: number
          merchant_id: string
          rank_in_city?: number | null
          rule_id: number
          run_id?: number | null
          score: number
          terms?: NonNullable<Json>
        }
        Update: {
          computed_at?: string
          id?: never
          level?: number
          merchant_id?: string
          rank_in_city?: number | null
          rule_id?: number
          run_id?: number | null
          score?: number
          terms?: NonNullable<Json>
        }
        Relationships: [
          {
            foreignKeyName: "merchant_score_history_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_score_history_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_score_history_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_score_history_rule_id_fkey"
            columns: ["rule_id"]
            isOneToOne: false
            referencedRelation: "ranking_rules"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_score_history_run_id_fkey"
            columns: ["run_id"]
            isOneToOne: false
            referencedRelation: "ranking_runs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_score_history_run_id_fkey"
            columns: ["run_id"]
            isOneToOne: false
            referencedRelation: "v_ranking_runs"
            referencedColumns: ["id"]
          },
        ]
      }
      merchant_scores: {
        Row: {
          computed_at: string
          level: number
          merchant_id: string
          rank_in_city: number | null
          rule_id: number
          run_id: number | null
          score: number
          terms: NonNullable<Json>
        }
        Insert: {
          computed_at?: string
          level: number
          merchant_id: string
          rank_in_city?: number | null
          rule_id: number
          run_id?: number | null
          score: number
          terms?: NonNullable<Json>
        }
        Update: {
          computed_at?: string
          level?: number
          merchant_id?: string
          rank_in_city?: number | null
          rule_id?: number
          run_id?: number | null
          score?: number
          terms?: NonNullable<Json>
        }
        Relationships: [
          {
            foreignKeyName: "merchant_scores_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_scores_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_scores_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_scores_rule_id_fkey"
            columns: ["rule_id"]
            isOneToOne: false
            referencedRelation: "ranking_rules"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_scores_run_id_fkey"
            columns: ["run_id"]
            isOneToOne: false
            referencedRelation: "ranking_runs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_scores_run_id_fkey"
            columns: ["run_id"]
            isOneToOne: false
            referencedRelation: "v_ranking_runs"
            referencedColumns: ["id"]
          },
        ]
      }
      merchant_status_history: {
        Row: {
          actor_id: string | null
          at: string
          from_status: Database["public"]["Enums"]["merchant_status"] | null
          id: number
          merchant_id: string
          note: string | null
          reason_code: string | null
          to_status: Database["public"]["Enums"]["merchant_status"]
        }
        Insert: {
          actor_id?: string | null
          at?: string
          from_status?: Database["public"]["Enums"]["merchant_status"] | null
          id?: never
          merchant_id: string
          note?: string | null
          reason_code?: string | null
          to_status: Database["public"]["Enums"]["merchant_status"]
        }
        Update: {
          actor_id?: string | null
          at?: string
          from_status?: Database["public"]["Enums"]["merchant_status"] | null
          id?: never
          merchant_id?: string
          note?: string | null
          reason_code?: string | null
          to_status?: Database["public"]["Enums"]["merchant_status"]
        }
        Relationships: [
          {
            foreignKeyName: "merchant_status_history_actor_id_fkey"
            columns: ["actor_id"]
            isOneToOne: false
            referencedRelation: "staff"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_status_history_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_status_history_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_status_history_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
        ]
      }
      merchants: {
        Row: {
          activated_at: string | null
          address: string | null
          application_id: string | null
          approved_at: string | null
          category_id: number
          city_code: string
          closed_at: string | null
          commission_rate_override: number | null
          contact_name: string | null
          contact_phone: string | null
          contact_phone_masked: string | null
          created_at: string
          deposit_fen: number
          description: string | null
          fee_paid_until: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          level: number
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          name: string
          name_initials: string | null
          name_pinyin: string | null
          rank_in_city: number | null
          rank_score: number
          rating: number | null
          search: string | null
          search_grams: string[] | null
          status: Database["public"]["Enums"]["merchant_status"]
          status_changed_at: string
          status_reason: string | null
          updated_at: string
        }
        Insert: {
          activated_at?: string | null
          address?: string | null
          application_id?: string | null
          approved_at?: string | null
          category_id: number
          city_code: string
          closed_at?: string | null
          commission_rate_override?: number | null
          contact_name?: string | null
          contact_phone?: string | null
          contact_phone_masked?: never
          created_at?: string
          deposit_fen?: number
          description?: string | null
          fee_paid_until?: string | null
          fee_plan?: Database["public"]["Enums"]["fee_plan"] | null
          id?: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat?: number | null
          legal_person_id_number?: string | null
          legal_person_name?: string | null
          level?: number
          licence_image_url?: string | null
          licence_no?: string | null
          lng?: number | null
          name: string
          name_initials?: string | null
          name_pinyin?: string | null
          rank_in_city?: number | null
          rank_score?: number
          rating?: number | null
          search?: never
          search_grams?: never
          status?: Database["public"]["Enums"]["merchant_status"]
          status_changed_at?: string
          status_reason?: string | null
          updated_at?: string
        }
        Update: {
          activated_at?: string | null
          address?: string | null
          application_id?: string | null
          approved_at?: string | null
          category_id?: number
          city_code?: string
          closed_at?: string | null
          commission_rate_override?: number | null
          contact_name?: string | null
          contact_phone?: string | null
          contact_phone_masked?: never
          created_at?: string
          deposit_fen?: number
          description?: string | null
          fee_paid_until?: string | null
          fee_plan?: Database["public"]["Enums"]["fee_plan"] | null
          id?: string
          kind?: Database["public"]["Enums"]["merchant_kind"]
          lat?: number | null
          legal_person_id_number?: string | null
          legal_person_name?: string | null
          level?: number
          licence_image_url?: string | null
          licence_no?: string | null
          lng?: number | null
          name?: string
          name_initials?: string | null
          name_pinyin?: string | null
          rank_in_city?: number | null
          rank_score?: number
          rating?: number | null
          search?: never
          search_grams?: never
          status?: Database["public"]["Enums"]["merchant_status"]
          status_changed_at?: string
          status_reason?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "merchants_application_fk"
            columns: ["application_id"]
            isOneToOne: false
            referencedRelation: "merchant_applications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchants_application_fk"
            columns: ["application_id"]
            isOneToOne: false
            referencedRelation: "v_merchant_applications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchants_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "merchant_categories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchants_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      money_settings: {
        Row: {
          id: boolean
          refund_window_days: number
          second_tier_enabled: boolean
          second_tier_rate: number
          updated_at: string
          updated_by: string | null
          withdrawal_fee_min_fen: number
          withdrawal_fee_rate: number
          withdrawal_min_fen: number
          withdrawal_second_approval_fen: number
        }
        Insert: {
          id?: boolean
          refund_window_days?: number
          second_tier_enabled?: boolean
          second_tier_rate?: number
          updated_at?: string
          updated_by?: string | null
          withdrawal_fee_min_fen?: number
          withdrawal_fee_rate?: number
          withdrawal_min_fen?: number
          withdrawal_second_approval_fen?: number
        }
        Update: {
          id?: boolean
          refund_window_days?: number
          second_tier_enabled?: boolean
          second_tier_rate?: number
          updated_at?: string
          updated_by?: string | null
          withdrawal_fee_min_fen?: number
          withdrawal_fee_rate?: number
          withdrawal_min_fen?: number
          withdrawal_second_approval_fen?: number
        }
        Relationships: []
      }
      payment_history: {
        Row: {
          actor_id: string | null
          at: string
          from_status: Database["public"]["Enums"]["payment_status"] | null
          id: number
          note: string | null
          payment_id: string
          to_status: Database["public"]["Enums"]["payment_status"]
        }
        Insert: {
          actor_id?: string | null
          at?: string
          from_status?: Database["public"]["Enums"]["payment_status"] | null
          id?: never
          note?: string | null
          payment_id: string
          to_status: Database["public"]["Enums"]["payment_status"]
        }
        Update: {
          actor_id?: string | null
          at?: string
          from_status?: Database["public"]["Enums"]["payment_status"] | null
          id?: never
          note?: string | null
          payment_id?: string
          to_status?: Database["public"]["Enums"]["payment_status"]
        }
        Relationships: [
          {
            foreignKeyName: "payment_history_payment_id_fkey"
            columns: ["payment_id"]
            isOneToOne: false
            referencedRelation: "payments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payment_history_payment_id_fkey"
            columns: ["payment_id"]
            isOneToOne: false
            referencedRelation: "v_payment_reconciliation"
            referencedColumns: ["payment_id"]
          },
          {
            foreignKeyName: "payment_history_payment_id_fkey"
            columns: ["payment_id"]
            isOneToOne: false
            referencedRelation: "v_payments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payment_history_payment_id_fkey"
            columns: ["payment_id"]
            isOneToOne: false
            referencedRelation: "v_reconciliation"
            referencedColumns: ["payment_id"]
          },
        ]
      }
      payments: {
        Row: {
          amount_fen: number
          channel: Database["public"]["Enums"]["payment_channel"]
          channel_txn_id: string | null
          city_code: string | null
          covers_from: string | null
          covers_to: string | null
          created_at: string
          fail_reason: string | null
          failed_at: string | null
          id: string
          journal_id: number | null
          kind: Database["public"]["Enums"]["payment_kind"]
          member_id: string | null
          merchant_id: string | null
          note: string | null
          paid_at: string | null
          payer_type: Database["public"]["Enums"]["money_owner_type"]
          payment_no: string
          plan: Database["public"]["Enums"]["fee_plan"] | null
          refund_journal_id: number | null
          refund_reason: string | null
          refund_request_reason: string | null
          refund_requested_at: string | null
          refund_requested_by: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
        }
        Insert: {
          amount_fen: number
          channel: Database["public"]["Enums"]["payment_channel"]
          channel_txn_id?: string | null
          city_code?: string | null
          covers_from?: string | null
          covers_to?: string | null
          created_at?: string
          fail_reason?: string | null
          failed_at?: string | null
          id?: string
          journal_id?: number | null
          kind: Database["public"]["Enums"]["payment_kind"]
          member_id?: string | null
          merchant_id?: string | null
          note?: string | null
          paid_at?: string | null
          payer_type: Database["public"]["Enums"]["money_owner_type"]
          payment_no: string
          plan?: Database["public"]["Enums"]["fee_plan"] | null
          refund_journal_id?: number | null
          refund_reason?: string | null
          refund_request_reason?: string | null
          refund_requested_at?: string | null
          refund_requested_by?: string | null
          refunded_at?: string | null
          refunded_by?: string | null
          status?: Database["public"]["Enums"]["payment_status"]
        }
        Update: {
          amount_fen?: number
          channel?: Database["public"]["Enums"]["payment_channel"]
          channel_txn_id?: string | null
          city_code?: string | null
          covers_from?: string | null
          covers_to?: string | null
          created_at?: string
          fail_reason?: string | null
          failed_at?: string | null
          id?: string
          journal_id?: number | null
          kind?: Database["public"]["Enums"]["payment_kind"]
          member_id?: string | null
          merchant_id?: string | null
          note?: string | null
          paid_at?: string | null
          payer_type?: Database["public"]["Enums"]["money_owner_type"]
          payment_no?: string
          plan?: Database["public"]["Enums"]["fee_plan"] | null
          refund_journal_id?: number | null
          refund_reason?: string | null
          refund_request_reason?: string | null
          refund_requested_at?: string | null
          refund_requested_by?: string | null
          refunded_at?: string | null
          refunded_by?: string | null
          status?: Database["public"]["Enums"]["payment_status"]
        }
        Relationships: [
          {
            foreignKeyName: "payments_journal_id_fkey"
            columns: ["journal_id"]
            isOneToOne: false
            referencedRelation: "ledger_journals"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_refund_journal_id_fkey"
            columns: ["refund_journal_id"]
            isOneToOne: false
            referencedRelation: "ledger_journals"
            referencedColumns: ["id"]
          },
        ]
      }
      promotions: {
        Row: {
          created_at: string
          created_by: string | null
          end_reason: string | null
          ended_at: string | null
          ends_at: string
          id: string
          listing_id: string
          merchant_id: string
          model_id: number
          region_code: string
          slot_no: number
          starts_at: string
          state: Database["public"]["Enums"]["promotion_state"]
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          end_reason?: string | null
          ended_at?: string | null
          ends_at: string
          id?: string
          listing_id: string
          merchant_id: string
          model_id: number
          region_code: string
          slot_no: number
          starts_at?: string
          state?: Database["public"]["Enums"]["promotion_state"]
        }
        Update: {
          created_at?: string
          created_by?: string | null
          end_reason?: string | null
          ended_at?: string | null
          ends_at?: string
          id?: string
          listing_id?: string
          merchant_id?: string
          model_id?: number
          region_code?: string
          slot_no?: number
          starts_at?: string
          state?: Database["public"]["Enums"]["promotion_state"]
        }
        Relationships: [
          {
            foreignKeyName: "promotions_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "public_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "v_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "v_car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      ranking_rules: {
        Row: {
          active: boolean
          cap_complaints: number
          cap_product_updates: number
          cap_reservations: number
          created_at: string
          created_by: string | null
          id: number
          level_thresholds: number[]
          name: string
          note: string | null
          reason: string | null
          version: number
          w_complaints: number
          w_penalties: number
          w_product_updates: number
          w_rating: number
          w_reservations: number
          w_success_rate: number
          w_update_frequency: number
          window_days: number
        }
        Insert: {
          active?: boolean
          cap_complaints?: number
          cap_product_updates?: number
          cap_reservations?: number
          created_at?: string
          created_by?: string | null
          id?: number
          level_thresholds?: number[]
          name: string
          note?: string | null
          reason?: string | null
          version: number
          w_complaints?: number
          w_penalties?: number
          w_product_updates?: number
          w_rating?: number
          w_reservations?: number
          w_success_rate?: number
          w_update_frequency?: number
          window_days?: number
        }
        Update: {
          active?: boolean
          cap_complaints?: number
          cap_product_updates?: number
          cap_reservations?: number
          created_at?: string
          created_by?: string | null
          id?: number
          level_thresholds?: number[]
          name?: string
          note?: string | null
          reason?: string | null
          version?: number
          w_complaints?: number
          w_penalties?: number
          w_product_updates?: number
          w_rating?: number
          w_reservations?: number
          w_success_rate?: number
          w_update_frequency?: number
          window_days?: number
        }
        Relationships: []
      }
      ranking_runs: {
        Row: {
          error: string | null
          finished_at: string | null
          id: number
          merchant_count: number | null
          rule_id: number
          started_at: string
          status: string
          trigger: string
          triggered_by: string | null
        }
        Insert: {
          error?: string | null
          finished_at?: string | null
          id?: never
          merchant_count?: number | null
          rule_id: number
          started_at?: string
          status?: string
          trigger: string
          triggered_by?: string | null
        }
        Update: {
          error?: string | null
          finished_at?: string | null
          id?: never
          merchant_count?: number | null
          rule_id?: number
          started_at?: string
          status?: string
          trigger?: string
          triggered_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "ranking_runs_rule_id_fkey"
            columns: ["rule_id"]
            isOneToOne: false
            referencedRelation: "ranking_rules"
            referencedColumns: ["id"]
          },
        ]
      }
      regions: {
        Row: {
          code: string
          demo_rank: number | null
          lat: number | null
          level: string
          lng: number | null
          name: string
          name_initials: string | null
          name_pinyin: string | null
          parent_code: string | null
        }
        Insert: {
          code: string
          demo_rank?: number | null
          lat?: number | null
          level: string
          lng?: number | null
          name: string
          name_initials?: string | null
          name_pinyin?: string | null
          parent_code?: string | null
        }
        Update: {
          code?: string
          demo_rank?: number | null
          lat?: number | null
          level?: string
          lng?: number | null
          name?: string
          name_initials?: string | null
          name_pinyin?: string | null
          parent_code?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "regions_parent_code_fkey"
            columns: ["parent_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      reservation_history: {
        Row: {
          actor_id: string | null
          at: string
          from_state: Database["public"]["Enums"]["reservation_state"] | null
          id: number
          note: string | null
          reason_code: string | null
          reservation_id: string
          to_state: Database["public"]["Enums"]["reservation_state"]
        }
        Insert: {
          actor_id?: string | null
          at?: string
          from_state?: Database["public"]["Enums"]["reservation_state"] | null
          id?: never
          note?: string | null
          reason_code?: string | null
          reservation_id: string
          to_state: Database["public"]["Enums"]["reservation_state"]
        }
        Update: {
          actor_id?: string | null
          at?: string
          from_state?: Database["public"]["Enums"]["reservation_state"] | null
          id?: never
          note?: string | null
          reason_code?: string | null
          reservation_id?: string
          to_state?: Database["public"]["Enums"]["reservation_state"]
        }
        Relationships: [
          {
            foreignKeyName: "reservation_history_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: false
            referencedRelation: "reservations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservation_history_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: false
            referencedRelation: "v_reservations"
            referencedColumns: ["id"]
          },
        ]
      }
      reservations: {
        Row: {
          checkin_code: string | null
          city_code: string
          confirm_deadline: string
          confirmed_at: string | null
          created_at: string
          deal_amount_fen: number | null
          deal_closed_at: string | null
          deal_evidence: string[] | null
          distributor_id: string | null
          id: string
          kind: Database["public"]["Enums"]["reservation_kind"]
          listing_id: string
          member_id: string
          merchant_id: string
          model_id: number | null
          price_fen: number
          rental_end: string | null
          rental_start: string | null
          reserved_for: string
          share_id: string | null
          state: Database["public"]["Enums"]["reservation_state"]
          state_changed_at: string
          state_reason: string | null
          touched_at: string | null
          visited_at: string | null
        }
        Insert: {
          checkin_code?: string | null
          city_code: string
          confirm_deadline: string
          confirmed_at?: string | null
          created_at?: string
          deal_amount_fen?: number | null
          deal_closed_at?: string | null
          deal_evidence?: string[] | null
          distributor_id?: string | null
          id?: string
          kind: Database["public"]["Enums"]["reservation_kind"]
          listing_id: string
          member_id: string
          merchant_id: string
          model_id?: number | null
          price_fen: number
          rental_end?: string | null
          rental_start?: string | null
          reserved_for: string
          share_id?: string | null
          state?: Database["public"]["Enums"]["reservation_state"]
          state_changed_at?: string
          state_reason?: string | null
          touched_at?: string | null
          visited_at?: string | null
        }
        Update: {
          checkin_code?: string | null
          city_code?: string
          confirm_deadline?: string
          confirmed_at?: string | null
          created_at?: string
          deal_amount_fen?: number | null
          deal_closed_at?: string | null
          deal_evidence?: string[] | null
          distributor_id?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["reservation_kind"]
          listing_id?: string
          member_id?: string
          merchant_id?: string
          model_id?: number | null
          price_fen?: number
          rental_end?: string | null
          rental_start?: string | null
          reserved_for?: string
          share_id?: string | null
          state?: Database["public"]["Enums"]["reservation_state"]
          state_changed_at?: string
          state_reason?: string | null
          touched_at?: string | null
          visited_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "reservations_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "reservations_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "public_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "v_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "v_car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "shares"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "v_shares"
            referencedColumns: ["id"]
          },
        ]
      }
      settlement_runs: {
        Row: {
          commission_fen: number
          finished_at: string | null
          id: number
          journal_id: number | null
          merchant_net_fen: number
          period: unknown
          period_from: string
          period_to: string
          platform_fee_fen: number
          refunds_fen: number
          run_by: string | null
          sales_fen: number
          started_at: string
          trade_count: number
        }
        Insert: {
          commission_fen?: number
          finished_at?: string | null
          id?: never
          journal_id?: number | null
          merchant_net_fen?: number
          period?: never
          period_from: string
          period_to: string
          platform_fee_fen?: number
          refunds_fen?: number
          run_by?: string | null
          sales_fen?: number
          started_at?: string
          trade_count?: number
        }
        Update: {
          commission_fen?: number
          finished_at?: string | null
          id?: never
          journal_id?: number | null
          merchant_net_fen?: number
          period?: never
          period_from?: string
          period_to?: string
          platform_fee_fen?: number
          refunds_fen?: number
          run_by?: string | null
          sales_fen?: number
          started_at?: string
          trade_count?: number
        }
        Relationships: [
          {
            foreignKeyName: "settlement_runs_journal_id_fkey"
            columns: ["journal_id"]
            isOneToOne: false
            referencedRelation: "ledger_journals"
            referencedColumns: ["id"]
          },
        ]
      }
      settlement_statements: {
        Row: {
          city_code: string | null
          commission_fen: number
          created_at: string
          id: number
          net_fen: number
          owner_id: string | null
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          period_from: string
          period_to: string
          platform_fee_fen: number
          refunds_fen: number
          run_id: number
          sales_fen: number
          trade_count: number
        }
        Insert: {
          city_code?: string | null
          commission_fen: number
          created_at?: string
          id?: never
          net_fen: number
          owner_id?: string | null
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          period_from: string
          period_to: string
          platform_fee_fen: number
          refunds_fen: number
          run_id: number
          sales_fen: number
          trade_count: number
        }
        Update: {
          city_code?: string | null
          commission_fen?: number
          created_at?: string
          id?: never
          net_fen?: number
          owner_id?: string | null
          owner_type?: Database["public"]["Enums"]["money_owner_type"]
          period_from?: string
          period_to?: string
          platform_fee_fen?: number
          refunds_fen?: number
          run_id?: number
          sales_fen?: number
          trade_count?: number
        }
        Relationships: [
          {
            foreignKeyName: "settlement_statements_run_id_fkey"
            columns: ["run_id"]
            isOneToOne: false
            referencedRelation: "settlement_runs"
            referencedColumns: ["id"]
          },
        ]
      }
      share_clicks: {
        Row: {
          clicked_at: string
          id: number
          ip_hash: string | null
          share_id: string
          user_agent: string | null
          visitor_member_id: string | null
        }
        Insert: {
          clicked_at?: string
          id?: never
          ip_hash?: string | null
          share_id: string
          user_agent?: string | null
          visitor_member_id?: string | null
        }
        Update: {
          clicked_at?: string
          id?: never
          ip_hash?: string | null
          share_id?: string
          user_agent?: string | null
          visitor_member_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "share_clicks_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "shares"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "share_clicks_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "v_shares"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "share_clicks_visitor_member_id_fkey"
            columns: ["visitor_member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "share_clicks_visitor_member_id_fkey"
            columns: ["visitor_member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "share_clicks_visitor_member_id_fkey"
            columns: ["visitor_member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
        ]
      }
      shares: {
        Row: {
          channel: Database["public"]["Enums"]["share_channel"]
          code: string
          created_at: string
          distributor_id: string
          id: string
          listing_id: string
          merchant_id: string
        }
        Insert: {
          channel?: Database["public"]["Enums"]["share_channel"]
          code: string
          created_at?: string
          distributor_id: string
          id?: string
          listing_id: string
          merchant_id: string
        }
        Update: {
          channel?: Database["public"]["Enums"]["share_channel"]
          code?: string
          created_at?: string
          distributor_id?: string
          id?: string
          listing_id?: string
          merchant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "shares_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "public_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "v_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
        ]
      }
      staff: {
        Row: {
          active: boolean
          created_at: string
          display_name: string
          email: string
          id: string
          phone: string | null
          region_codes: string[]
          role: Database["public"]["Enums"]["staff_role"]
          updated_at: string
        }
        Insert: {
          active?: boolean
          created_at?: string
          display_name: string
          email: string
          id: string
          phone?: string | null
          region_codes?: string[]
          role: Database["public"]["Enums"]["staff_role"]
          updated_at?: string
        }
        Update: {
          active?: boolean
          created_at?: string
          display_name?: string
          email?: string
          id?: string
          phone?: string | null
          region_codes?: string[]
          role?: Database["public"]["Enums"]["staff_role"]
          updated_at?: string
        }
        Relationships: []
      }
      trade_history: {
        Row: {
          actor_id: string | null
          at: string
          from_status: Database["public"]["Enums"]["trade_status"] | null
          id: number
          note: string | null
          reason_code: string | null
          to_status: Database["public"]["Enums"]["trade_status"]
          trade_id: string
        }
        Insert: {
          actor_id?: string | null
          at?: string
          from_status?: Database["public"]["Enums"]["trade_status"] | null
          id?: never
          note?: string | null
          reason_code?: string | null
          to_status: Database["public"]["Enums"]["trade_status"]
          trade_id: string
        }
        Update: {
          actor_id?: string | null
          at?: string
          from_status?: Database["public"]["Enums"]["trade_status"] | null
          id?: never
          note?: string | null
          reason_code?: string | null
          to_status?: Database["public"]["Enums"]["trade_status"]
          trade_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "trade_history_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_history_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "v_distribution_trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_history_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "v_trades"
            referencedColumns: ["id"]
          },
        ]
      }
      trade_money: {
        Row: {
          amount_fen: number
          category_id: number | null
          city_code: string | null
          close_journal_id: number
          closed_at: string
          commission_fen: number
          distributor_id: string | null
          fee_fen: number
          fee_rate: number
          merchant_id: string
          merchant_net_fen: number
          reversal_journal_id: number | null
          reversal_status: Database["public"]["Enums"]["trade_status"] | null
          reversed_at: string | null
          settlement_run_id: number | null
          tier2_member_id: string | null
          trade_id: string
          unfreeze_at: string
        }
        Insert: {
          amount_fen: number
          category_id?: number | null
          city_code?: string | null
          close_journal_id: number
          closed_at: string
          commission_fen: number
          distributor_id?: string | null
          fee_fen: number
          fee_rate: number
          merchant_id: string
          merchant_net_fen: number
          reversal_journal_id?: number | null
          reversal_status?: Database["public"]["Enums"]["trade_status"] | null
          reversed_at?: string | null
          settlement_run_id?: number | null
          tier2_member_id?: string | null
          trade_id: string
          unfreeze_at: string
        }
        Update: {
          amount_fen?: number
          category_id?: number | null
          city_code?: string | null
          close_journal_id?: number
          closed_at?: string
          commission_fen?: number
          distributor_id?: string | null
          fee_fen?: number
          fee_rate?: number
          merchant_id?: string
          merchant_net_fen?: number
          reversal_journal_id?: number | null
          reversal_status?: Database["public"]["Enums"]["trade_status"] | null
          reversed_at?: string | null
          settlement_run_id?: number | null
          tier2_member_id?: string | null
          trade_id?: string
          unfreeze_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "trade_money_close_journal_id_fkey"
            columns: ["close_journal_id"]
            isOneToOne: false
            referencedRelation: "ledger_journals"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_reversal_journal_id_fkey"
            columns: ["reversal_journal_id"]
            isOneToOne: false
            referencedRelation: "ledger_journals"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_settlement_run_fk"
            columns: ["settlement_run_id"]
            isOneToOne: false
            referencedRelation: "settlement_runs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_tier2_member_id_fkey"
            columns: ["tier2_member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_tier2_member_id_fkey"
            columns: ["tier2_member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_tier2_member_id_fkey"
            columns: ["tier2_member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: true
            referencedRelation: "trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: true
            referencedRelation: "v_distribution_trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trade_money_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: true
            referencedRelation: "v_trades"
            referencedColumns: ["id"]
          },
        ]
      }
      trades: {
        Row: {
          amount_fen: number
          brand_id: number | null
          city_code: string
          closed_at: string
          created_at: string
          distributor_id: string | null
          id: string
          kind: Database["public"]["Enums"]["trade_kind"]
          listing_id: string
          member_id: string
          merchant_id: string
          model_id: number | null
          quantity: number
          refund_request_reason: string | null
          refund_requested_at: string | null
          refund_requested_by: string | null
          refunded_at: string | null
          reservation_id: string
          status: Database["public"]["Enums"]["trade_status"]
          status_reason: string | null
          voided_at: string | null
        }
        Insert: {
          amount_fen: number
          brand_id?: number | null
          city_code: string
          closed_at?: string
          created_at?: string
          distributor_id?: string | null
          id?: string
          kind: Database["public"]["Enums"]["trade_kind"]
          listing_id: string
          member_id: string
          merchant_id: string
          model_id?: number | null
          quantity?: number
          refund_request_reason?: string | null
          refund_requested_at?: string | null
          refund_requested_by?: string | null
          refunded_at?: string | null
          reservation_id: string
          status?: Database["public"]["Enums"]["trade_status"]
          status_reason?: string | null
          voided_at?: string | null
        }
        Update: {
          amount_fen?: number
          brand_id?: number | null
          city_code?: string
          closed_at?: string
          created_at?: string
          distributor_id?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["trade_kind"]
          listing_id?: string
          member_id?: string
          merchant_id?: string
          model_id?: number | null
          quantity?: number
          refund_request_reason?: string | null
          refund_requested_at?: string | null
          refund_requested_by?: string | null
          refunded_at?: string | null
          reservation_id?: string
          status?: Database["public"]["Enums"]["trade_status"]
          status_reason?: string | null
          voided_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "trades_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "v_car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "trades_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "public_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "v_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "v_car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: true
            referencedRelation: "reservations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: true
            referencedRelation: "v_reservations"
            referencedColumns: ["id"]
          },
        ]
      }
      withdrawal_history: {
        Row: {
          actor_id: string | null
          amount_fen: number
          at: string
          from_state: Database["public"]["Enums"]["withdrawal_state"] | null
          id: number
          note: string | null
          reason_code: string | null
          to_state: Database["public"]["Enums"]["withdrawal_state"]
          withdrawal_id: string
        }
        Insert: {
          actor_id?: string | null
          amount_fen: number
          at?: string
          from_state?: Database["public"]["Enums"]["withdrawal_state"] | null
          id?: never
          note?: string | null
          reason_code?: string | null
          to_state: Database["public"]["Enums"]["withdrawal_state"]
          withdrawal_id: string
        }
        Update: {
          actor_id?: string | null
          amount_fen?: number
          at?: string
          from_state?: Database["public"]["Enums"]["withdrawal_state"] | null
          id?: never
          note?: string | null
          reason_code?: string | null
          to_state?: Database["public"]["Enums"]["withdrawal_state"]
          withdrawal_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "withdrawal_history_withdrawal_id_fkey"
            columns: ["withdrawal_id"]
            isOneToOne: false
            referencedRelation: "v_withdrawals"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "withdrawal_history_withdrawal_id_fkey"
            columns: ["withdrawal_id"]
            isOneToOne: false
            referencedRelation: "withdrawals"
            referencedColumns: ["id"]
          },
        ]
      }
      withdrawals: {
        Row: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        Insert: {
          amount_fen: number
          applied_at?: string
          applied_by?: string | null
          approved_at?: string | null
          approved_by?: string | null
          bank_account_id: string
          cancelled_at?: string | null
          channel_txn_id?: string | null
          city_code?: string | null
          claimed_at?: string | null
          claimed_by?: string | null
          fail_reason?: string | null
          failed_at?: string | null
          fee_fen: number
          id?: string
          manual_proof_url?: string | null
          needs_second_approval?: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at?: string | null
          paid_by?: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at?: string | null
          payout_attempts?: number
          payout_channel?: Database["public"]["Enums"]["payment_channel"] | null
          recon_status?: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at?: string | null
          reject_reason?: string | null
          rejected_by?: string | null
          second_approved_at?: string | null
          second_approved_by?: string | null
          state?: Database["public"]["Enums"]["withdrawal_state"]
          updated_at?: string
          withdrawal_no: string
        }
        Update: {
          amount_fen?: number
          applied_at?: string
          applied_by?: string | null
          approved_at?: string | null
          approved_by?: string | null
          bank_account_id?: string
          cancelled_at?: string | null
          channel_txn_id?: string | null
          city_code?: string | null
          claimed_at?: string | null
          claimed_by?: string | null
          fail_reason?: string | null
          failed_at?: string | null
          fee_fen?: number
          id?: string
          manual_proof_url?: string | null
          needs_second_approval?: boolean
          net_fen?: number
          owner_id?: string
          owner_type?: Database["public"]["Enums"]["money_owner_type"]
          paid_at?: string | null
          paid_by?: string | null
          payee_account_enc?: string
          payee_account_last4?: string
          payee_bank?: string
          payee_name?: string
          paying_at?: string | null
          payout_attempts?: number
          payout_channel?: Database["public"]["Enums"]["payment_channel"] | null
          recon_status?: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at?: string | null
          reject_reason?: string | null
          rejected_by?: string | null
          second_approved_at?: string | null
          second_approved_by?: string | null
          state?: Database["public"]["Enums"]["withdrawal_state"]
          updated_at?: string
          withdrawal_no?: string
        }
        Relationships: [
          {
            foreignKeyName: "withdrawals_bank_account_id_fkey"
            columns: ["bank_account_id"]
            isOneToOne: false
            referencedRelation: "bank_accounts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "withdrawals_bank_account_id_fkey"
            columns: ["bank_account_id"]
            isOneToOne: false
            referencedRelation: "v_bank_accounts"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      public_listings: {
        Row: {
          brand_id: number | null
          brand_name: string | null
          city_code: string | null
          city_name: string | null
          colour: string | null
          current_price_fen: number | null
          deposit_fen: number | null
          description: string | null
          energy: Database["public"]["Enums"]["energy_type"] | null
          gearbox: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at: string | null
          holiday_price_fen: number | null
          holiday_starts_at: string | null
          id: string | null
          kind: Database["public"]["Enums"]["listing_kind"] | null
          listed_at: string | null
          merchant_id: string | null
          merchant_name: string | null
          mileage_km: number | null
          model_id: number | null
          model_name: string | null
          photos: string[] | null
          price_fen: number | null
          promoted: boolean | null
          search: string | null
          search_grams: string[] | null
          series_id: number | null
          series_name: string | null
          title: string | null
          trade_state: Database["public"]["Enums"]["listing_trade_state"] | null
          year: number | null
        }
        Relationships: [
          {
            foreignKeyName: "listings_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "v_car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "listings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "v_car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_series_id_fkey"
            columns: ["series_id"]
            isOneToOne: false
            referencedRelation: "car_series"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_series_id_fkey"
            columns: ["series_id"]
            isOneToOne: false
            referencedRelation: "v_car_series"
            referencedColumns: ["id"]
          },
        ]
      }
      public_merchants: {
        Row: {
          address: string | null
          category_name: string | null
          city_code: string | null
          city_name: string | null
          description: string | null
          id: string | null
          kind: Database["public"]["Enums"]["merchant_kind"] | null
          lat: number | null
          level: number | null
          licence_no: string | null
          lng: number | null
          name: string | null
          rank_in_city: number | null
          rating: number | null
        }
        Relationships: [
          {
            foreignKeyName: "merchants_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      v_account_balances: {
        Row: {
          available_fen: number | null
          balance_fen: number | null
          cash_fen: number | null
          city_code: string | null
          deposit_fen: number | null
          frozen_fen: number | null
          id: string | null
          locked_fen: number | null
          owner_id: string | null
          owner_name: string | null
          owner_type: Database["public"]["Enums"]["money_owner_type"] | null
          receivable_fen: number | null
          search: string | null
          updated_at: string | null
        }
        Relationships: []
      }
      v_accounts: {
        Row: {
          available_fen: number | null
          balance_fen: number | null
          cash_fen: number | null
          city_code: string | null
          deposit_fen: number | null
          frozen_fen: number | null
          locked_fen: number | null
          owner_id: string | null
          owner_name: string | null
          owner_type: Database["public"]["Enums"]["money_owner_type"] | null
          receivable_fen: number | null
          updated_at: string | null
        }
        Relationships: []
      }
      v_audit_log: {
        Row: {
          action: string | null
          actor_email: string | null
          actor_id: string | null
          actor_role: Database["public"]["Enums"]["staff_role"] | null
          after: Json | null
          at: string | null
          before: Json | null
          entity: string | null
          entity_id: string | null
          id: number | null
          reason: string | null
          region_code: string | null
        }
        Insert: {
          action?: string | null
          actor_email?: string | null
          actor_id?: string | null
          actor_role?: Database["public"]["Enums"]["staff_role"] | null
          after?: never
          at?: string | null
          before?: never
          entity?: string | null
          entity_id?: string | null
          id?: number | null
          reason?: string | null
          region_code?: string | null
        }
        Update: {
          action?: string | null
          actor_email?: string | null
          actor_id?: string | null
          actor_role?: Database["public"]["Enums"]["staff_role"] | null
          after?: never
          at?: string | null
          before?: never
          entity?: string | null
          entity_id?: string | null
          id?: number | null
          reason?: string | null
          region_code?: string | null
        }
        Relationships: []
      }
      v_bank_accounts: {
        Row: {
          account_no_masked: string | null
          active: boolean | null
          added_by: string | null
          added_by_name: string | null
          bank_name: string | null
          branch_name: string | null
          city_code: string | null
          created_at: string | null
          holder_name: string | null
          id: string | null
          owner_id: string | null
          owner_name: string | null
          owner_type: Database["public"]["Enums"]["money_owner_type"] | null
          reject_reason: string | null
          rejected_at: string | null
          rejected_by_name: string | null
          review_state: string | null
          search: string | null
          verified: boolean | null
          verified_at: string | null
          verified_by: string | null
          verified_by_name: string | null
        }
        Relationships: []
      }
      v_car_brands: {
        Row: {
          active: boolean | null
          country: string | null
          created_at: string | null
          first_letter: string | null
          id: number | null
          logo_url: string | null
          model_count: number | null
          name: string | null
          name_en: string | null
          name_initials: string | null
          name_pinyin: string | null
          search: string | null
          series_count: number | null
          sort_order: number | null
        }
        Insert: {
          active?: boolean | null
          country?: string | null
          created_at?: string | null
          first_letter?: string | null
          id?: number | null
          logo_url?: string | null
          model_count?: never
          name?: string | null
          name_en?: string | null
          name_initials?: string | null
          name_pinyin?: string | null
          search?: never
          series_count?: never
          sort_order?: number | null
        }
        Update: {
          active?: boolean | null
          country?: string | null
          created_at?: string | null
          first_letter?: string | null
          id?: number | null
          logo_url?: string | null
          model_count?: never
          name?: string | null
          name_en?: string | null
          name_initials?: string | null
          name_pinyin?: string | null
          search?: never
          series_count?: never
          sort_order?: number | null
        }
        Relationships: []
      }
      v_car_models: {
        Row: {
          active: boolean | null
          battery_kwh: number | null
          brand_id: number | null
          brand_name: string | null
          brand_name_en: string | null
          created_at: string | null
          displacement_l: number | null
          drive: string | null
          energy: Database["public"]["Enums"]["energy_type"] | null
          fuel_l_per_100km: number | null
          gearbox: Database["public"]["Enums"]["gearbox_type"] | null
          guide_price_fen: number | null
          height_mm: number | null
          id: number | null
          length_mm: number | null
          maintenance_params: Json | null
          model_year: number | null
          name: string | null
          oil_capacity_l: number | null
          oil_grade: string | null
          power_kw: number | null
          range_km: number | null
          search: string | null
          seats: number | null
          series_id: number | null
          series_name: string | null
          service_interval_km: number | null
          service_interval_months: number | null
          tyre_size: string | null
          vehicle_params: Json | null
          wheelbase_mm: number | null
          width_mm: number | null
        }
        Relationships: [
          {
            foreignKeyName: "car_models_series_id_fkey"
            columns: ["series_id"]
            isOneToOne: false
            referencedRelation: "car_series"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "car_models_series_id_fkey"
            columns: ["series_id"]
            isOneToOne: false
            referencedRelation: "v_car_series"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "car_series_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "car_series_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "v_car_brands"
            referencedColumns: ["id"]
          },
        ]
      }
      v_car_series: {
        Row: {
          active: boolean | null
          body_type: string | null
          brand_id: number | null
          brand_name: string | null
          created_at: string | null
          id: number | null
          maker: string | null
          model_count: number | null
          name: string | null
          name_initials: string | null
          name_pinyin: string | null
          search: string | null
        }
        Relationships: [
          {
            foreignKeyName: "car_series_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "car_series_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "v_car_brands"
            referencedColumns: ["id"]
          },
        ]
      }
      v_channel_statements: {
        Row: {
          channel: Database["public"]["Enums"]["payment_channel"] | null
          extra_count: number | null
          id: number | null
          imported_at: string | null
          imported_by: string | null
          line_count: number | null
          line_total_fen: number | null
          matched_count: number | null
          mismatch_count: number | null
          missing_count: number | null
          period_from: string | null
          period_to: string | null
          statement_ref: string | null
        }
        Insert: {
          channel?: Database["public"]["Enums"]["payment_channel"] | null
          extra_count?: never
          id?: number | null
          imported_at?: string | null
          imported_by?: string | null
          line_count?: never
          line_total_fen?: never
          matched_count?: never
          mismatch_count?: never
          missing_count?: never
          period_from?: string | null
          period_to?: string | null
          statement_ref?: string | null
        }
        Update: {
          channel?: Database["public"]["Enums"]["payment_channel"] | null
          extra_count?: never
          id?: number | null
          imported_at?: string | null
          imported_by?: string | null
          line_count?: never
          line_total_fen?: never
          matched_count?: never
          mismatch_count?: never
          missing_count?: never
          period_from?: string | null
          period_to?: string | null
          statement_ref?: string | null
        }
        Relationships: []
      }
      v_commissions: {
        Row: {
          amount_fen: number | null
          base_amount_fen: number | null
          beneficiary_id: string | null
          beneficiary_name: string | null
          cancelled_at: string | null
          city_code: string | null
          clawed_back_at: string | null
          created_at: string | null
          id: number | null
          is_clawback: boolean | null
          journal_id: number | null
          merchant_id: string | null
          merchant_name: string | null
          rate: number | null
          released_at: string | null
          reverses_id: number | null
          rule: string | null
          status: Database["public"]["Enums"]["commission_status"] | null
          tier: number | null
          trade_closed_at: string | null
          trade_id: string | null
          trade_kind: Database["public"]["Enums"]["trade_kind"] | null
          trade_status: Database["public"]["Enums"]["trade_status"] | null
          unfreeze_at: string | null
        }
        Relationships: [
          {
            foreignKeyName: "commissions_beneficiary_id_fkey"
            columns: ["beneficiary_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_beneficiary_id_fkey"
            columns: ["beneficiary_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_beneficiary_id_fkey"
            columns: ["beneficiary_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_journal_id_fkey"
            columns: ["journal_id"]
            isOneToOne: false
            referencedRelation: "ledger_journals"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_reverses_id_fkey"
            columns: ["reverses_id"]
            isOneToOne: false
            referencedRelation: "commissions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_reverses_id_fkey"
            columns: ["reverses_id"]
            isOneToOne: false
            referencedRelation: "v_commissions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "v_distribution_trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commissions_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "v_trades"
            referencedColumns: ["id"]
          },
        ]
      }
      v_complaint_messages: {
        Row: {
          attachments: string[] | null
          audience: string | null
          author_kind: string | null
          author_name: string | null
          author_staff_id: string | null
          body: string | null
          complaint_id: string | null
          created_at: string | null
          id: number | null
          kind: Database["public"]["Enums"]["complaint_message_kind"] | null
        }
        Relationships: [
          {
            foreignKeyName: "complaint_messages_author_staff_id_fkey"
            columns: ["author_staff_id"]
            isOneToOne: false
            referencedRelation: "staff"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaint_messages_complaint_id_fkey"
            columns: ["complaint_id"]
            isOneToOne: false
            referencedRelation: "complaints"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaint_messages_complaint_id_fkey"
            columns: ["complaint_id"]
            isOneToOne: false
            referencedRelation: "v_complaints"
            referencedColumns: ["id"]
          },
        ]
      }
      v_complaints: {
        Row: {
          assigned_at: string | null
          assignee_id: string | null
          assignee_name: string | null
          category: Database["public"]["Enums"]["complaint_category"] | null
          city_code: string | null
          city_name: string | null
          closed_at: string | null
          content: string | null
          created_at: string | null
          first_responded_at: string | null
          first_response_due_at: string | null
          first_response_overdue: boolean | null
          id: string | null
          images: string[] | null
          is_open: boolean | null
          last_message_at: string | null
          member_id: string | null
          member_nickname: string | null
          member_phone: string | null
          merchant_id: string | null
          merchant_name: string | null
          merchant_no_response: boolean | null
          merchant_reply_due_at: string | null
          message_count: number | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          province_code: string | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string | null
          resolution_overdue: boolean | null
          resolved_at: string | null
          search: string | null
          severity: Database["public"]["Enums"]["complaint_severity"] | null
          state: Database["public"]["Enums"]["complaint_state"] | null
          state_changed_at: string | null
          state_reason: string | null
          title: string | null
          trade_id: string | null
        }
        Insert: {
          assigned_at?: string | null
          assignee_id?: string | null
          assignee_name?: never
          category?: Database["public"]["Enums"]["complaint_category"] | null
          city_code?: string | null
          city_name?: never
          closed_at?: string | null
          content?: string | null
          created_at?: string | null
          first_responded_at?: string | null
          first_response_due_at?: string | null
          first_response_overdue?: never
          id?: string | null
          images?: string[] | null
          is_open?: never
          last_message_at?: never
          member_id?: string | null
          member_nickname?: never
          member_phone?: never
          merchant_id?: string | null
          merchant_name?: never
          merchant_no_response?: boolean | null
          merchant_reply_due_at?: string | null
          message_count?: never
          outcome?: Database["public"]["Enums"]["complaint_outcome"] | null
          province_code?: never
          remedy?: string | null
          reservation_id?: string | null
          resolution_due_at?: string | null
          resolution_overdue?: never
          resolved_at?: string | null
          search?: never
          severity?: Database["public"]["Enums"]["complaint_severity"] | null
          state?: Database["public"]["Enums"]["complaint_state"] | null
          state_changed_at?: string | null
          state_reason?: string | null
          title?: string | null
          trade_id?: string | null
        }
        Update: {
          assigned_at?: string | null
          assignee_id?: string | null
          assignee_name?: never
          category?: Database["public"]["Enums"]["complaint_category"] | null
          city_code?: string | null
          city_name?: never
          closed_at?: string | null
          content?: string | null
          created_at?: string | null
          first_responded_at?: string | null
          first_response_due_at?: string | null
          first_response_overdue?: never
          id?: string | null
          images?: string[] | null
          is_open?: never
          last_message_at?: never
          member_id?: string | null
          member_nickname?: never
          member_phone?: never
          merchant_id?: string | null
          merchant_name?: never
          merchant_no_response?: boolean | null
          merchant_reply_due_at?: string | null
          message_count?: never
          outcome?: Database["public"]["Enums"]["complaint_outcome"] | null
          province_code?: never
          remedy?: string | null
          reservation_id?: string | null
          resolution_due_at?: string | null
          resolution_overdue?: never
          resolved_at?: string | null
          search?: never
          severity?: Database["public"]["Enums"]["complaint_severity"] | null
          state?: Database["public"]["Enums"]["complaint_state"] | null
          state_changed_at?: string | null
          state_reason?: string | null
          title?: string | null
          trade_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "complaints_assignee_id_fkey"
            columns: ["assignee_id"]
            isOneToOne: false
            referencedRelation: "staff"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "complaints_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: false
            referencedRelation: "reservations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: false
            referencedRelation: "v_reservations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "v_distribution_trades"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "complaints_trade_id_fkey"
            columns: ["trade_id"]
            isOneToOne: false
            referencedRelation: "v_trades"
            referencedColumns: ["id"]
          },
        ]
      }
      v_customer_bindings: {
        Row: {
          bound_at: string | null
          city_code: string | null
          click_id: number | null
          distributor_id: string | null
          distributor_nickname: string | null
          end_reason: string | null
          ended_at: string | null
          expires_at: string | null
          id: string | null
          is_active: boolean | null
          member_id: string | null
          member_nickname: string | null
          merchant_id: string | null
          merchant_name: string | null
          share_code: string | null
          share_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "customer_bindings_click_id_fkey"
            columns: ["click_id"]
            isOneToOne: false
            referencedRelation: "share_clicks"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "shares"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_bindings_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "v_shares"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchants_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      v_distribution_trades: {
        Row: {
          amount_fen: number | null
          city_code: string | null
          closed_at: string | null
          commission_fen: number | null
          commission_status:
            | Database["public"]["Enums"]["commission_status"]
            | null
          distributor_id: string | null
          distributor_nickname: string | null
          id: string | null
          kind: Database["public"]["Enums"]["trade_kind"] | null
          listing_id: string | null
          listing_title: string | null
          member_id: string | null
          member_nickname: string | null
          merchant_id: string | null
          merchant_name: string | null
          reservation_id: string | null
          share_code: string | null
          share_id: string | null
          status: Database["public"]["Enums"]["trade_status"] | null
        }
        Relationships: [
          {
            foreignKeyName: "reservations_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "shares"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "v_shares"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "trades_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "public_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "v_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: true
            referencedRelation: "reservations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: true
            referencedRelation: "v_reservations"
            referencedColumns: ["id"]
          },
        ]
      }
      v_distributors: {
        Row: {
          active_binding_count: number | null
          avatar_url: string | null
          bound_customer_count: number | null
          city_code: string | null
          city_name: string | null
          click_count: number | null
          commission_fen: number | null
          has_promotion_rights: boolean | null
          id: string | null
          level: Database["public"]["Enums"]["member_level"] | null
          nickname: string | null
          phone: string | null
          promotion_rights_at: string | null
          province_code: string | null
          registered_at: string | null
          reservation_count: number | null
          search: string | null
          search_grams: string[] | null
          seq: number | null
          share_count: number | null
          status: Database["public"]["Enums"]["member_status"] | null
          trade_amount_fen: number | null
          trade_count: number | null
        }
        Relationships: [
          {
            foreignKeyName: "members_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "regions_parent_code_fkey"
            columns: ["province_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      v_ledger_entries: {
        Row: {
          account_id: number | null
          account_kind:
            | Database["public"]["Enums"]["ledger_account_kind"]
            | null
          amount_fen: number | null
          credit_fen: number | null
          debit_fen: number | null
          id: number | null
          journal_id: number | null
          journal_kind: string | null
          memo: string | null
          owner_id: string | null
          owner_type: Database["public"]["Enums"]["money_owner_type"] | null
          posted_at: string | null
          ref_id: string | null
          ref_type: string | null
        }
        Relationships: [
          {
            foreignKeyName: "ledger_entries_account_id_fkey"
            columns: ["account_id"]
            isOneToOne: false
            referencedRelation: "ledger_accounts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ledger_entries_journal_id_fkey"
            columns: ["journal_id"]
            isOneToOne: false
            referencedRelation: "ledger_journals"
            referencedColumns: ["id"]
          },
        ]
      }
      v_listings: {
        Row: {
          approved_at: string | null
          brand_id: number | null
          brand_name: string | null
          city_code: string | null
          city_name: string | null
          colour: string | null
          created_at: string | null
          deposit_fen: number | null
          description: string | null
          energy: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on: string | null
          forced_off_reason: string | null
          gearbox: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at: string | null
          holiday_price_fen: number | null
          holiday_starts_at: string | null
          id: string | null
          kind: Database["public"]["Enums"]["listing_kind"] | null
          listed_at: string | null
          merchant_id: string | null
          merchant_name: string | null
          mileage_km: number | null
          model_id: number | null
          model_name: string | null
          photos: string[] | null
          price_fen: number | null
          promoted: boolean | null
          province_code: string | null
          reject_reason: string | null
          reservation_count: number | null
          review_state:
            | Database["public"]["Enums"]["listing_review_state"]
            | null
          search: string | null
          search_grams: string[] | null
          series_id: number | null
          series_name: string | null
          shelf_state: Database["public"]["Enums"]["listing_shelf_state"] | null
          sold_at: string | null
          submitted_at: string | null
          title: string | null
          trade_state: Database["public"]["Enums"]["listing_trade_state"] | null
          updated_at: string | null
          vin: string | null
          year: number | null
        }
        Insert: {
          approved_at?: string | null
          brand_id?: number | null
          brand_name?: never
          city_code?: string | null
          city_name?: never
          colour?: string | null
          created_at?: string | null
          deposit_fen?: number | null
          description?: string | null
          energy?: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on?: string | null
          forced_off_reason?: string | null
          gearbox?: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at?: string | null
          holiday_price_fen?: number | null
          holiday_starts_at?: string | null
          id?: string | null
          kind?: Database["public"]["Enums"]["listing_kind"] | null
          listed_at?: string | null
          merchant_id?: string | null
          merchant_name?: never
          mileage_km?: number | null
          model_id?: number | null
          model_name?: never
          photos?: string[] | null
          price_fen?: number | null
          promoted?: never
          province_code?: never
          reject_reason?: string | null
          reservation_count?: never
          review_state?:
            | Database["public"]["Enums"]["listing_review_state"]
            | null
          search?: string | null
          search_grams?: string[] | null
          series_id?: number | null
          series_name?: never
          shelf_state?:
            | Database["public"]["Enums"]["listing_shelf_state"]
            | null
          sold_at?: string | null
          submitted_at?: string | null
          title?: string | null
          trade_state?:
            | Database["public"]["Enums"]["listing_trade_state"]
            | null
          updated_at?: string | null
          vin?: string | null
          year?: number | null
        }
        Update: {
          approved_at?: string | null
          brand_id?: number | null
          brand_name?: never
          city_code?: string | null
          city_name?: never
          colour?: string | null
          created_at?: string | null
          deposit_fen?: number | null
          description?: string | null
          energy?: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on?: string | null
          forced_off_reason?: string | null
          gearbox?: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at?: string | null
          holiday_price_fen?: number | null
          holiday_starts_at?: string | null
          id?: string | null
          kind?: Database["public"]["Enums"]["listing_kind"] | null
          listed_at?: string | null
          merchant_id?: string | null
          merchant_name?: never
          mileage_km?: number | null
          model_id?: number | null
          model_name?: never
          photos?: string[] | null
          price_fen?: number | null
          promoted?: never
          province_code?: never
          reject_reason?: string | null
          reservation_count?: never
          review_state?:
            | Database["public"]["Enums"]["listing_review_state"]
            | null
          search?: string | null
          search_grams?: string[] | null
          series_id?: number | null
          series_name?: never
          shelf_state?:
            | Database["public"]["Enums"]["listing_shelf_state"]
            | null
          sold_at?: string | null
          submitted_at?: string | null
          title?: string | null
          trade_state?:
            | Database["public"]["Enums"]["listing_trade_state"]
            | null
          updated_at?: string | null
          vin?: string | null
          year?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "listings_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "v_car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "listings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "v_car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_series_id_fkey"
            columns: ["series_id"]
            isOneToOne: false
            referencedRelation: "car_series"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "listings_series_id_fkey"
            columns: ["series_id"]
            isOneToOne: false
            referencedRelation: "v_car_series"
            referencedColumns: ["id"]
          },
        ]
      }
      v_members: {
        Row: {
          avatar_url: string | null
          banned_at: string | null
          city_code: string | null
          city_name: string | null
          depth: number | null
          direct_downline_count: number | null
          has_promotion_rights: boolean | null
          id: string | null
          id_number: string | null
          initials_key: string | null
          level: Database["public"]["Enums"]["member_level"] | null
          name_key: string | null
          new_purchase_reservation_count: number | null
          nickname: string | null
          nickname_initials: string | null
          nickname_pinyin: string | null
          path: string | null
          phone: string | null
          phone_tail: string | null
          pinyin_key: string | null
          points: number | null
          promotion_rights_at: string | null
          province_code: string | null
          real_name: string | null
          registered_at: string | null
          rental_reservation_count: number | null
          search: string | null
          search_grams: string[] | null
          seq: number | null
          status: Database["public"]["Enums"]["member_status"] | null
          status_reason: string | null
          updated_at: string | null
          upline_id: string | null
          upline_nickname: string | null
          used_purchase_reservation_count: number | null
        }
        Insert: {
          avatar_url?: string | null
          banned_at?: string | null
          city_code?: string | null
          city_name?: never
          depth?: number | null
          direct_downline_count?: never
          has_promotion_rights?: boolean | null
          id?: string | null
          id_number?: never
          initials_key?: never
          level?: Database["public"]["Enums"]["member_level"] | null
          name_key?: never
          new_purchase_reservation_count?: never
          nickname?: string | null
          nickname_initials?: string | null
          nickname_pinyin?: string | null
          path?: never
          phone?: never
          phone_tail?: string | null
          pinyin_key?: never
          points?: number | null
          promotion_rights_at?: string | null
          province_code?: never
          real_name?: never
          registered_at?: string | null
          rental_reservation_count?: never
          search?: string | null
          search_grams?: string[] | null
          seq?: number | null
          status?: Database["public"]["Enums"]["member_status"] | null
          status_reason?: string | null
          updated_at?: string | null
          upline_id?: string | null
          upline_nickname?: never
          used_purchase_reservation_count?: never
        }
        Update: {
          avatar_url?: string | null
          banned_at?: string | null
          city_code?: string | null
          city_name?: never
          depth?: number | null
          direct_downline_count?: never
          has_promotion_rights?: boolean | null
          id?: string | null
          id_number?: never
          initials_key?: never
          level?: Database["public"]["Enums"]["member_level"] | null
          name_key?: never
          new_purchase_reservation_count?: never
          nickname?: string | null
          nickname_initials?: string | null
          nickname_pinyin?: string | null
          path?: never
          phone?: never
          phone_tail?: string | null
          pinyin_key?: never
          points?: number | null
          promotion_rights_at?: string | null
          province_code?: never
          real_name?: never
          registered_at?: string | null
          rental_reservation_count?: never
          search?: string | null
          search_grams?: string[] | null
          seq?: number | null
          status?: Database["public"]["Enums"]["member_status"] | null
          status_reason?: string | null
          updated_at?: string | null
          upline_id?: string | null
          upline_nickname?: never
          used_purchase_reservation_count?: never
        }
        Relationships: [
          {
            foreignKeyName: "members_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "members_upline_id_fkey"
            columns: ["upline_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "members_upline_id_fkey"
            columns: ["upline_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "members_upline_id_fkey"
            columns: ["upline_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
        ]
      }
      v_merchant_applications: {
        Row: {
          address: string | null
          category_id: number | null
          category_name: string | null
          city_code: string | null
          city_name: string | null
          claimed_at: string | null
          company_name: string | null
          company_name_pinyin: string | null
          contact_name: string | null
          contact_phone: string | null
          created_at: string | null
          decided_at: string | null
          document_count: number | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          field_comments: Json | null
          id: string | null
          kind: Database["public"]["Enums"]["merchant_kind"] | null
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          merchant_id: string | null
          province_code: string | null
          reject_reason: string | null
          reviewer_id: string | null
          reviewer_name: string | null
          search: string | null
          search_grams: string[] | null
          state:
            | Database["public"]["Enums"]["merchant_application_state"]
            | null
          submitted_at: string | null
          updated_at: string | null
          version: number | null
        }
        Insert: {
          address?: string | null
          category_id?: number | null
          category_name?: never
          city_code?: string | null
          city_name?: never
          claimed_at?: string | null
          company_name?: string | null
          company_name_pinyin?: string | null
          contact_name?: string | null
          contact_phone?: never
          created_at?: string | null
          decided_at?: string | null
          document_count?: never
          fee_plan?: Database["public"]["Enums"]["fee_plan"] | null
          field_comments?: Json | null
          id?: string | null
          kind?: Database["public"]["Enums"]["merchant_kind"] | null
          lat?: number | null
          legal_person_id_number?: never
          legal_person_name?: string | null
          licence_image_url?: string | null
          licence_no?: string | null
          lng?: number | null
          merchant_id?: string | null
          province_code?: never
          reject_reason?: string | null
          reviewer_id?: string | null
          reviewer_name?: never
          search?: string | null
          search_grams?: string[] | null
          state?:
            | Database["public"]["Enums"]["merchant_application_state"]
            | null
          submitted_at?: string | null
          updated_at?: string | null
          version?: number | null
        }
        Update: {
          address?: string | null
          category_id?: number | null
          category_name?: never
          city_code?: string | null
          city_name?: never
          claimed_at?: string | null
          company_name?: string | null
          company_name_pinyin?: string | null
          contact_name?: string | null
          contact_phone?: never
          created_at?: string | null
          decided_at?: string | null
          document_count?: never
          fee_plan?: Database["public"]["Enums"]["fee_plan"] | null
          field_comments?: Json | null
          id?: string | null
          kind?: Database["public"]["Enums"]["merchant_kind"] | null
          lat?: number | null
          legal_person_id_number?: never
          legal_person_name?: string | null
          licence_image_url?: string | null
          licence_no?: string | null
          lng?: number | null
          merchant_id?: string | null
          province_code?: never
          reject_reason?: string | null
          reviewer_id?: string | null
          reviewer_name?: never
          search?: string | null
          search_grams?: string[] | null
          state?:
            | Database["public"]["Enums"]["merchant_application_state"]
            | null
          submitted_at?: string | null
          updated_at?: string | null
          version?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "merchant_applications_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "merchant_categories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_applications_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "merchant_applications_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_applications_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_applications_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_applications_reviewer_id_fkey"
            columns: ["reviewer_id"]
            isOneToOne: false
            referencedRelation: "staff"
            referencedColumns: ["id"]
          },
        ]
      }
      v_merchant_penalties: {
        Row: {
          city_code: string | null
          complaint_id: string | null
          complaint_title: string | null
          created_at: string | null
          created_by: string | null
          expires_at: string | null
          id: string | null
          is_active: boolean | null
          merchant_id: string | null
          merchant_name: string | null
          reason: string | null
          revoke_reason: string | null
          revoked_at: string | null
          revoked_by: string | null
          size: number | null
          starts_at: string | null
        }
        Relationships: [
          {
            foreignKeyName: "merchant_penalties_complaint_id_fkey"
            columns: ["complaint_id"]
            isOneToOne: false
            referencedRelation: "complaints"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_penalties_complaint_id_fkey"
            columns: ["complaint_id"]
            isOneToOne: false
            referencedRelation: "v_complaints"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_penalties_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_penalties_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_penalties_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchants_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      v_merchant_scores: {
        Row: {
          city_code: string | null
          city_name: string | null
          computed_at: string | null
          level: number | null
          merchant_id: string | null
          merchant_name: string | null
          rank_in_city: number | null
          rule_id: number | null
          rule_version: number | null
          run_id: number | null
          score: number | null
          terms: Json | null
        }
        Relationships: [
          {
            foreignKeyName: "merchant_scores_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_scores_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_scores_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: true
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_scores_rule_id_fkey"
            columns: ["rule_id"]
            isOneToOne: false
            referencedRelation: "ranking_rules"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_scores_run_id_fkey"
            columns: ["run_id"]
            isOneToOne: false
            referencedRelation: "ranking_runs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchant_scores_run_id_fkey"
            columns: ["run_id"]
            isOneToOne: false
            referencedRelation: "v_ranking_runs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchants_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      v_merchants: {
        Row: {
          activated_at: string | null
          active_penalty_count: number | null
          address: string | null
          application_id: string | null
          approved_at: string | null
          category_commission_rate: number | null
          category_id: number | null
          category_name: string | null
          city_code: string | null
          city_name: string | null
          closed_at: string | null
          commission_rate: number | null
          commission_rate_override: number | null
          complaint_count: number | null
          contact_name: string | null
          contact_phone: string | null
          created_at: string | null
          deposit_fen: number | null
          deposit_required_fen: number | null
          description: string | null
          distributor_rate: number | null
          fee_paid_until: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          id: string | null
          is_public: boolean | null
          kind: Database["public"]["Enums"]["merchant_kind"] | null
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          level: number | null
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          name: string | null
          name_initials: string | null
          name_pinyin: string | null
          on_shelf_count: number | null
          open_complaint_count: number | null
          product_count: number | null
          province_code: string | null
          rank_in_city: number | null
          rank_score: number | null
          rating: number | null
          reservation_count: number | null
          search: string | null
          search_grams: string[] | null
          status: Database["public"]["Enums"]["merchant_status"] | null
          status_changed_at: string | null
          status_reason: string | null
          success_count: number | null
          success_rate: number | null
          updated_at: string | null
        }
        Insert: {
          activated_at?: string | null
          active_penalty_count?: never
          address?: string | null
          application_id?: string | null
          approved_at?: string | null
          category_commission_rate?: never
          category_id?: number | null
          category_name?: never
          city_code?: string | null
          city_name?: never
          closed_at?: string | null
          commission_rate?: never
          commission_rate_override?: number | null
          complaint_count?: never
          contact_name?: string | null
          contact_phone?: never
          created_at?: string | null
          deposit_fen?: number | null
          deposit_required_fen?: never
          description?: string | null
          distributor_rate?: never
          fee_paid_until?: string | null
          fee_plan?: Database["public"]["Enums"]["fee_plan"] | null
          id?: string | null
          is_public?: never
          kind?: Database["public"]["Enums"]["merchant_kind"] | null
          lat?: number | null
          legal_person_id_number?: never
          legal_person_name?: string | null
          level?: number | null
          licence_image_url?: string | null
          licence_no?: string | null
          lng?: number | null
          name?: string | null
          name_initials?: string | null
          name_pinyin?: string | null
          on_shelf_count?: never
          open_complaint_count?: never
          product_count?: never
          province_code?: never
          rank_in_city?: number | null
          rank_score?: number | null
          rating?: number | null
          reservation_count?: never
          search?: string | null
          search_grams?: string[] | null
          status?: Database["public"]["Enums"]["merchant_status"] | null
          status_changed_at?: string | null
          status_reason?: string | null
          success_count?: never
          success_rate?: never
          updated_at?: string | null
        }
        Update: {
          activated_at?: string | null
          active_penalty_count?: never
          address?: string | null
          application_id?: string | null
          approved_at?: string | null
          category_commission_rate?: never
          category_id?: number | null
          category_name?: never
          city_code?: string | null
          city_name?: never
          closed_at?: string | null
          commission_rate?: never
          commission_rate_override?: number | null
          complaint_count?: never
          contact_name?: string | null
          contact_phone?: never
          created_at?: string | null
          deposit_fen?: number | null
          deposit_required_fen?: never
          description?: string | null
          distributor_rate?: never
          fee_paid_until?: string | null
          fee_plan?: Database["public"]["Enums"]["fee_plan"] | null
          id?: string | null
          is_public?: never
          kind?: Database["public"]["Enums"]["merchant_kind"] | null
          lat?: number | null
          legal_person_id_number?: never
          legal_person_name?: string | null
          level?: number | null
          licence_image_url?: string | null
          licence_no?: string | null
          lng?: number | null
          name?: string | null
          name_initials?: string | null
          name_pinyin?: string | null
          on_shelf_count?: never
          open_complaint_count?: never
          product_count?: never
          province_code?: never
          rank_in_city?: number | null
          rank_score?: number | null
          rating?: number | null
          reservation_count?: never
          search?: string | null
          search_grams?: string[] | null
          status?: Database["public"]["Enums"]["merchant_status"] | null
          status_changed_at?: string | null
          status_reason?: string | null
          success_count?: never
          success_rate?: never
          updated_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "merchants_application_fk"
            columns: ["application_id"]
            isOneToOne: false
            referencedRelation: "merchant_applications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchants_application_fk"
            columns: ["application_id"]
            isOneToOne: false
            referencedRelation: "v_merchant_applications"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchants_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "merchant_categories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "merchants_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      v_payment_reconciliation: {
        Row: {
          channel: Database["public"]["Enums"]["payment_channel"] | null
          channel_txn_id: string | null
          city_code: string | null
          diff_fen: number | null
          occurred_at: string | null
          payment_amount_fen: number | null
          payment_id: string | null
          payment_kind: Database["public"]["Enums"]["payment_kind"] | null
          payment_no: string | null
          payment_status: Database["public"]["Enums"]["payment_status"] | null
          result: string | null
          statement_amount_fen: number | null
          statement_id: number | null
          statement_ref: string | null
        }
        Relationships: []
      }
      v_payments: {
        Row: {
          amount_fen: number | null
          channel: Database["public"]["Enums"]["payment_channel"] | null
          channel_txn_id: string | null
          city_code: string | null
          city_name: string | null
          covers_from: string | null
          covers_to: string | null
          created_at: string | null
          fail_reason: string | null
          failed_at: string | null
          id: string | null
          journal_id: number | null
          kind: Database["public"]["Enums"]["payment_kind"] | null
          member_id: string | null
          merchant_id: string | null
          note: string | null
          paid_at: string | null
          payer_name: string | null
          payer_phone: string | null
          payer_type: Database["public"]["Enums"]["money_owner_type"] | null
          payment_no: string | null
          plan: Database["public"]["Enums"]["fee_plan"] | null
          refund_journal_id: number | null
          refund_reason: string | null
          refund_request_reason: string | null
          refund_requested_at: string | null
          refund_requested_by: string | null
          refund_requested_by_name: string | null
          refunded_at: string | null
          refunded_by: string | null
          search: string | null
          status: Database["public"]["Enums"]["payment_status"] | null
        }
        Relationships: [
          {
            foreignKeyName: "payments_journal_id_fkey"
            columns: ["journal_id"]
            isOneToOne: false
            referencedRelation: "ledger_journals"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_refund_journal_id_fkey"
            columns: ["refund_journal_id"]
            isOneToOne: false
            referencedRelation: "ledger_journals"
            referencedColumns: ["id"]
          },
        ]
      }
      v_promotions: {
        Row: {
          brand_name: string | null
          created_at: string | null
          created_by: string | null
          end_reason: string | null
          ended_at: string | null
          ends_at: string | null
          id: string | null
          listing_id: string | null
          listing_title: string | null
          merchant_id: string | null
          merchant_name: string | null
          model_id: number | null
          model_name: string | null
          region_code: string | null
          region_name: string | null
          series_name: string | null
          slot_no: number | null
          starts_at: string | null
          state: Database["public"]["Enums"]["promotion_state"] | null
        }
        Relationships: [
          {
            foreignKeyName: "promotions_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "public_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "v_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "v_car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "promotions_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
        ]
      }
      v_ranking_runs: {
        Row: {
          duration_ms: number | null
          error: string | null
          finished_at: string | null
          id: number | null
          merchant_count: number | null
          rule_id: number | null
          rule_name: string | null
          rule_version: number | null
          started_at: string | null
          status: string | null
          trigger: string | null
          triggered_by: string | null
          triggered_by_name: string | null
        }
        Relationships: [
          {
            foreignKeyName: "ranking_runs_rule_id_fkey"
            columns: ["rule_id"]
            isOneToOne: false
            referencedRelation: "ranking_rules"
            referencedColumns: ["id"]
          },
        ]
      }
      v_reconciliation: {
        Row: {
          channel: Database["public"]["Enums"]["payment_channel"] | null
          channel_txn_id: string | null
          city_code: string | null
          diff_fen: number | null
          id: string | null
          occurred_at: string | null
          payment_amount_fen: number | null
          payment_id: string | null
          payment_kind: Database["public"]["Enums"]["payment_kind"] | null
          payment_no: string | null
          payment_status: Database["public"]["Enums"]["payment_status"] | null
          result: string | null
          statement_amount_fen: number | null
          statement_id: number | null
          statement_ref: string | null
        }
        Relationships: []
      }
      v_reservations: {
        Row: {
          brand_id: number | null
          brand_name: string | null
          city_code: string | null
          city_name: string | null
          confirm_deadline: string | null
          confirmed_at: string | null
          created_at: string | null
          deal_amount_fen: number | null
          deal_closed_at: string | null
          deal_evidence: string[] | null
          distributor_id: string | null
          distributor_nickname: string | null
          id: string | null
          kind: Database["public"]["Enums"]["reservation_kind"] | null
          listing_id: string | null
          listing_title: string | null
          member_id: string | null
          member_nickname: string | null
          member_phone: string | null
          merchant_id: string | null
          merchant_name: string | null
          model_id: number | null
          model_name: string | null
          price_fen: number | null
          province_code: string | null
          rental_days: number | null
          rental_end: string | null
          rental_start: string | null
          reserved_for: string | null
          search: string | null
          share_id: string | null
          state: Database["public"]["Enums"]["reservation_state"] | null
          state_changed_at: string | null
          state_reason: string | null
          touched_at: string | null
          trade_id: string | null
          visited_at: string | null
        }
        Insert: {
          brand_id?: never
          brand_name?: never
          city_code?: string | null
          city_name?: never
          confirm_deadline?: string | null
          confirmed_at?: string | null
          created_at?: string | null
          deal_amount_fen?: number | null
          deal_closed_at?: string | null
          deal_evidence?: string[] | null
          distributor_id?: string | null
          distributor_nickname?: never
          id?: string | null
          kind?: Database["public"]["Enums"]["reservation_kind"] | null
          listing_id?: string | null
          listing_title?: never
          member_id?: string | null
          member_nickname?: never
          member_phone?: never
          merchant_id?: string | null
          merchant_name?: never
          model_id?: number | null
          model_name?: never
          price_fen?: number | null
          province_code?: never
          rental_days?: never
          rental_end?: string | null
          rental_start?: string | null
          reserved_for?: string | null
          search?: never
          share_id?: string | null
          state?: Database["public"]["Enums"]["reservation_state"] | null
          state_changed_at?: string | null
          state_reason?: string | null
          touched_at?: string | null
          trade_id?: never
          visited_at?: string | null
        }
        Update: {
          brand_id?: never
          brand_name?: never
          city_code?: string | null
          city_name?: never
          confirm_deadline?: string | null
          confirmed_at?: string | null
          created_at?: string | null
          deal_amount_fen?: number | null
          deal_closed_at?: string | null
          deal_evidence?: string[] | null
          distributor_id?: string | null
          distributor_nickname?: never
          id?: string | null
          kind?: Database["public"]["Enums"]["reservation_kind"] | null
          listing_id?: string | null
          listing_title?: never
          member_id?: string | null
          member_nickname?: never
          member_phone?: never
          merchant_id?: string | null
          merchant_name?: never
          model_id?: number | null
          model_name?: never
          price_fen?: number | null
          province_code?: never
          rental_days?: never
          rental_end?: string | null
          rental_start?: string | null
          reserved_for?: string | null
          search?: never
          share_id?: string | null
          state?: Database["public"]["Enums"]["reservation_state"] | null
          state_changed_at?: string | null
          state_reason?: string | null
          touched_at?: string | null
          trade_id?: never
          visited_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "reservations_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "reservations_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "public_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "v_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "v_car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "shares"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reservations_share_id_fkey"
            columns: ["share_id"]
            isOneToOne: false
            referencedRelation: "v_shares"
            referencedColumns: ["id"]
          },
        ]
      }
      v_search_terms: {
        Row: {
          brand_id: number | null
          id: number | null
          level: string | null
          series_id: number | null
          terms: string | null
        }
        Relationships: []
      }
      v_settlements: {
        Row: {
          city_code: string | null
          commission_fen: number | null
          created_at: string | null
          id: number | null
          net_fen: number | null
          owner_id: string | null
          owner_name: string | null
          owner_type: Database["public"]["Enums"]["money_owner_type"] | null
          period_from: string | null
          period_to: string | null
          platform_fee_fen: number | null
          refunds_fen: number | null
          run_id: number | null
          sales_fen: number | null
          trade_count: number | null
        }
        Relationships: [
          {
            foreignKeyName: "settlement_statements_run_id_fkey"
            columns: ["run_id"]
            isOneToOne: false
            referencedRelation: "settlement_runs"
            referencedColumns: ["id"]
          },
        ]
      }
      v_shares: {
        Row: {
          bound_customer_count: number | null
          channel: Database["public"]["Enums"]["share_channel"] | null
          city_code: string | null
          click_count: number | null
          code: string | null
          created_at: string | null
          distributor_id: string | null
          distributor_nickname: string | null
          id: string | null
          listing_id: string | null
          listing_title: string | null
          merchant_id: string | null
          merchant_name: string | null
          reservation_count: number | null
          search: string | null
          trade_amount_fen: number | null
          trade_count: number | null
        }
        Relationships: [
          {
            foreignKeyName: "merchants_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "shares_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "public_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "v_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "shares_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
        ]
      }
      v_trades: {
        Row: {
          amount_fen: number | null
          brand_id: number | null
          brand_name: string | null
          city_code: string | null
          city_name: string | null
          closed_at: string | null
          created_at: string | null
          distributor_id: string | null
          distributor_nickname: string | null
          id: string | null
          kind: Database["public"]["Enums"]["trade_kind"] | null
          listing_id: string | null
          listing_title: string | null
          member_id: string | null
          member_nickname: string | null
          merchant_id: string | null
          merchant_name: string | null
          model_id: number | null
          model_name: string | null
          province_code: string | null
          quantity: number | null
          refund_request_reason: string | null
          refund_requested_at: string | null
          refund_requested_by: string | null
          refund_requested_by_name: string | null
          refunded_at: string | null
          reservation_id: string | null
          search: string | null
          series_name: string | null
          status: Database["public"]["Enums"]["trade_status"] | null
          status_reason: string | null
          voided_at: string | null
        }
        Insert: {
          amount_fen?: number | null
          brand_id?: number | null
          brand_name?: never
          city_code?: string | null
          city_name?: never
          closed_at?: string | null
          created_at?: string | null
          distributor_id?: string | null
          distributor_nickname?: never
          id?: string | null
          kind?: Database["public"]["Enums"]["trade_kind"] | null
          listing_id?: string | null
          listing_title?: never
          member_id?: string | null
          member_nickname?: never
          merchant_id?: string | null
          merchant_name?: never
          model_id?: number | null
          model_name?: never
          province_code?: never
          quantity?: number | null
          refund_request_reason?: string | null
          refund_requested_at?: string | null
          refund_requested_by?: string | null
          refund_requested_by_name?: never
          refunded_at?: string | null
          reservation_id?: string | null
          search?: never
          series_name?: never
          status?: Database["public"]["Enums"]["trade_status"] | null
          status_reason?: string | null
          voided_at?: string | null
        }
        Update: {
          amount_fen?: number | null
          brand_id?: number | null
          brand_name?: never
          city_code?: string | null
          city_name?: never
          closed_at?: string | null
          created_at?: string | null
          distributor_id?: string | null
          distributor_nickname?: never
          id?: string | null
          kind?: Database["public"]["Enums"]["trade_kind"] | null
          listing_id?: string | null
          listing_title?: never
          member_id?: string | null
          member_nickname?: never
          merchant_id?: string | null
          merchant_name?: never
          model_id?: number | null
          model_name?: never
          province_code?: never
          quantity?: number | null
          refund_request_reason?: string | null
          refund_requested_at?: string | null
          refund_requested_by?: string | null
          refund_requested_by_name?: never
          refunded_at?: string | null
          reservation_id?: string | null
          search?: never
          series_name?: never
          status?: Database["public"]["Enums"]["trade_status"] | null
          status_reason?: string | null
          voided_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "trades_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_brand_id_fkey"
            columns: ["brand_id"]
            isOneToOne: false
            referencedRelation: "v_car_brands"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_city_code_fkey"
            columns: ["city_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "trades_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_distributor_id_fkey"
            columns: ["distributor_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "public_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "v_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_distributors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "v_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "public_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_merchant_id_fkey"
            columns: ["merchant_id"]
            isOneToOne: false
            referencedRelation: "v_merchants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "v_car_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: true
            referencedRelation: "reservations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "trades_reservation_id_fkey"
            columns: ["reservation_id"]
            isOneToOne: true
            referencedRelation: "v_reservations"
            referencedColumns: ["id"]
          },
        ]
      }
      v_withdrawal_daily: {
        Row: {
          applied_count: number | null
          applied_fen: number | null
          approved_count: number | null
          approved_fen: number | null
          day: string | null
          diff_fen: number | null
          failed_count: number | null
          ledger_paid_net_fen: number | null
          paid_count: number | null
          paid_fen: number | null
          paid_net_fen: number | null
          rejected_count: number | null
          rejected_fen: number | null
          returned_count: number | null
        }
        Relationships: []
      }
      v_withdrawals: {
        Row: {
          amount_fen: number | null
          applied_at: string | null
          approved_at: string | null
          approved_by: string | null
          awaiting_second_approval: boolean | null
          bank_account_id: string | null
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          city_name: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number | null
          id: string | null
          manual_proof_url: string | null
          needs_second_approval: boolean | null
          net_fen: number | null
          owner_id: string | null
          owner_name: string | null
          owner_type: Database["public"]["Enums"]["money_owner_type"] | null
          paid_at: string | null
          paid_by: string | null
          payee_account_masked: string | null
          payee_bank: string | null
          payee_name: string | null
          paying_at: string | null
          payout_attempts: number | null
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status:
            | Database["public"]["Enums"]["withdrawal_recon_status"]
            | null
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          search: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"] | null
          updated_at: string | null
          withdrawal_no: string | null
        }
        Relationships: [
          {
            foreignKeyName: "withdrawals_bank_account_id_fkey"
            columns: ["bank_account_id"]
            isOneToOne: false
            referencedRelation: "bank_accounts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "withdrawals_bank_account_id_fkey"
            columns: ["bank_account_id"]
            isOneToOne: false
            referencedRelation: "v_bank_accounts"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Functions: {
      amount_ceiling_update: {
        Args: { p_kind: string; p_max_fen: number; p_reason: string }
        Returns: {
          description: string
          kind: string
          max_fen: number
          updated_at: string
          updated_by: string | null
        }
        SetofOptions: {
          from: "*"
          to: "amount_ceilings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      analytics_commission_daily: {
        Args: { p_city?: string; p_from?: string; p_to?: string }
        Returns: {
          commission_fen: number
          day: string
          records: number
        }[]
      }
      analytics_complaint_resolution: {
        Args: { p_city?: string; p_from?: string; p_to?: string }
        Returns: {
          avg_hours: number
          category: Database["public"]["Enums"]["complaint_category"]
          late: number
          median_hours: number
          p90_hours: number
          resolved: number
        }[]
      }
      analytics_complaints_by_category: {
        Args: { p_city?: string; p_from?: string; p_to?: string }
        Returns: {
          category: Database["public"]["Enums"]["complaint_category"]
          open: number
          resolved: number
          total: number
          upheld: number
        }[]
      }
      analytics_days_on_market: {
        Args: { p_city?: string; p_from?: string; p_to?: string }
        Returns: {
          avg_days: number
          bucket: string
          bucket_order: number
          kind: Database["public"]["Enums"]["listing_kind"]
          listings: number
        }[]
      }
      analytics_distributors: {
        Args: {
          p_city?: string
          p_from?: string
          p_limit?: number
          p_to?: string
        }
        Returns: {
          commission_fen: number
          distributor_id: string
          gmv_fen: number
          nickname: string
          reservations: number
          trades: number
        }[]
      }
      analytics_gmv: {
        Args: { p_city?: string; p_from?: string; p_to?: string }
        Returns: {
          day: string
          gmv_fen: number
          trades: number
        }[]
      }
      analytics_member_cities: {
        Args: {
          p_city?: string
          p_from?: string
          p_limit?: number
          p_to?: string
        }
        Returns: {
          city_code: string
          city_name: string
          members: number
        }[]
      }
      analytics_member_growth: {
        Args: { p_city?: string; p_from?: string; p_to?: string }
        Returns: {
          day: string
          new_members: number
          total_members: number
        }[]
      }
      analytics_member_levels: {
        Args: { p_city?: string; p_from?: string; p_to?: string }
        Returns: {
          level: Database["public"]["Enums"]["member_level"]
          members: number
        }[]
      }
      analytics_merchant_trend: {
        Args: {
          p_city?: string
          p_from?: string
          p_limit?: number
          p_to?: string
        }
        Returns: {
          gmv_fen: number
          merchant_id: string
          merchant_name: string
          trades: number
          week: string
        }[]
      }
      analytics_payments_by_kind: {
        Args: { p_city?: string; p_from?: string; p_to?: string }
        Returns: {
          amount_fen: number
          channel: Database["public"]["Enums"]["payment_channel"]
          kind: Database["public"]["Enums"]["payment_kind"]
          payments: number
          refunded: number
          refunded_fen: number
        }[]
      }
      analytics_refresh_rollups: { Args: { p_limit?: number }; Returns: number }
      analytics_reservations: {
        Args: { p_city?: string; p_from?: string; p_to?: string }
        Returns: {
          cancelled: number
          day: string
          kind: Database["public"]["Enums"]["reservation_kind"]
          successful: number
          total: number
        }[]
      }
      analytics_top_brands: {
        Args: {
          p_city?: string
          p_from?: string
          p_limit?: number
          p_to?: string
        }
        Returns: {
          brand_id: number
          brand_name: string
          gmv_fen: number
          trades: number
        }[]
      }
      analytics_top_merchants: {
        Args: {
          p_city?: string
          p_from?: string
          p_limit?: number
          p_to?: string
        }
        Returns: {
          city_code: string
          city_name: string
          gmv_fen: number
          merchant_id: string
          merchant_name: string
          trades: number
        }[]
      }
      analytics_top_models: {
        Args: {
          p_city?: string
          p_from?: string
          p_limit?: number
          p_to?: string
        }
        Returns: {
          brand_name: string
          gmv_fen: number
          model_id: number
          model_name: string
          series_name: string
          trades: number
        }[]
      }
      analytics_trades_by_hour: {
        Args: { p_city?: string; p_from?: string; p_to?: string }
        Returns: {
          gmv_fen: number
          hour: number
          trades: number
        }[]
      }
      auth_events: {
        Args: { p_from?: string; p_limit?: number; p_to?: string }
        Returns: {
          action: string
          actor_email: string
          actor_id: string
          at: string
          id: string
          ip_address: string
          log_type: string
          traits: Json
        }[]
      }
      bank_account_add: {
        Args: {
          p_account_no: string
          p_bank_name: string
          p_branch_name?: string
          p_holder_name: string
          p_owner_id: string
          p_owner_type: Database["public"]["Enums"]["money_owner_type"]
        }
        Returns: string
      }
      bank_account_reveal: { Args: { p_id: string }; Returns: string }
      bank_account_verify: {
        Args: { p_id: string; p_reason?: string; p_verified?: boolean }
        Returns: undefined
      }
      channel_statement_import: { Args: { p_rows: Json }; Returns: Json }
      commission_totals: {
        Args: {
          p_beneficiary_id?: string
          p_beneficiary_name?: string
          p_from?: string
          p_merchant_name?: string
          p_status?: Database["public"]["Enums"]["commission_status"]
          p_tier?: number
          p_to?: string
          p_trade_id?: string
        }
        Returns: {
          amount_fen: number
          available_fen: number
          cancelled_fen: number
          clawed_back_fen: number
          count: number
          frozen_fen: number
        }[]
      }
      complaint_accept: {
        Args: {
          p_category?: Database["public"]["Enums"]["complaint_category"]
          p_id: string
          p_note?: string
          p_severity?: Database["public"]["Enums"]["complaint_severity"]
        }
        Returns: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "complaints"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_add_message: {
        Args: {
          p_attachments?: string[]
          p_body: string
          p_id: string
          p_kind: Database["public"]["Enums"]["complaint_message_kind"]
        }
        Returns: {
          attachments: string[]
          audience: string | null
          author_kind: string
          author_staff_id: string | null
          body: string
          complaint_id: string
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["complaint_message_kind"]
        }
        SetofOptions: {
          from: "*"
          to: "complaint_messages"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_assign: {
        Args: { p_assignee?: string; p_id: string }
        Returns: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "complaints"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_assignees: {
        Args: Record<PropertyKey, never>
        Returns: {
          display_name: string
          id: string
          role: Database["public"]["Enums"]["staff_role"]
        }[]
      }
      complaint_close: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "complaints"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_dismiss: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "complaints"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_escalate: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "complaints"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_merchant_replied: {
        Args: { p_body: string; p_id: string }
        Returns: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "complaints"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_reopen: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "complaints"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_reply: {
        Args: {
          p_attachments?: string[]
          p_audience: string
          p_body: string
          p_id: string
        }
        Returns: {
          attachments: string[]
          audience: string | null
          author_kind: string
          author_staff_id: string | null
          body: string
          complaint_id: string
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["complaint_message_kind"]
        }
        SetofOptions: {
          from: "*"
          to: "complaint_messages"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_request_merchant: {
        Args: { p_hours?: number; p_id: string; p_note?: string }
        Returns: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "complaints"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_resolve: {
        Args: {
          p_id: string
          p_note?: string
          p_outcome: Database["public"]["Enums"]["complaint_outcome"]
          p_penalty_days?: number
          p_penalty_size?: number
          p_remedy: string
        }
        Returns: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "complaints"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_run_timers: {
        Args: { p_city?: string; p_limit?: number }
        Returns: Json
      }
      complaint_submit: {
        Args: {
          p_category: Database["public"]["Enums"]["complaint_category"]
          p_content: string
          p_images?: string[]
          p_member_id: string
          p_merchant_id: string
          p_reservation_id?: string
          p_title: string
          p_trade_id?: string
        }
        Returns: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "complaints"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      complaint_withdraw: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          assigned_at: string | null
          assignee_id: string | null
          category: Database["public"]["Enums"]["complaint_category"]
          city_code: string
          closed_at: string | null
          content: string
          created_at: string
          first_responded_at: string | null
          first_response_due_at: string
          id: string
          images: string[]
          member_id: string
          merchant_id: string
          merchant_no_response: boolean
          merchant_reply_due_at: string | null
          outcome: Database["public"]["Enums"]["complaint_outcome"] | null
          remedy: string | null
          reservation_id: string | null
          resolution_due_at: string
          resolved_at: string | null
          severity: Database["public"]["Enums"]["complaint_severity"]
          state: Database["public"]["Enums"]["complaint_state"]
          state_changed_at: string
          state_reason: string | null
          title: string
          trade_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "complaints"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      core_settings_update: {
        Args: { p_changes: Json; p_reason: string }
        Returns: {
          binding_days: number
          complaint_auto_close_days: number
          complaint_first_response_hours: number
          complaint_merchant_reply_hours: number
          complaint_resolution_days: number
          deal_auto_close_days: number
          id: number
          merchant_grace_days: number
          mfa_required_roles: Database["public"]["Enums"]["staff_role"][]
          penalty_suspend_threshold: number
          price_cut_review_share: number
          promotion_slots_per_model: number
          reservation_confirm_hours: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "core_settings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      dashboard_summary: { Args: Record<PropertyKey, never>; Returns: Json }
      export_record: {
        Args: {
          p_filter?: Json
          p_format?: string
          p_resource: string
          p_rows?: number
        }
        Returns: number
      }
      four_eyes_rule_update: {
        Args: {
          p_enabled: boolean
          p_reason: string
          p_rule: string
          p_threshold_fen: number
        }
        Returns: {
          description: string
          enabled: boolean
          locked: boolean
          rule: string
          threshold_fen: number | null
          updated_at: string
          updated_by: string | null
        }
        SetofOptions: {
          from: "*"
          to: "four_eyes_rules"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      ledger_check: {
        Args: Record<PropertyKey, never>
        Returns: {
          check_name: string
          detail: string
          ref: string
        }[]
      }
      listing_approve: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          approved_at: string | null
          brand_id: number
          city_code: string
          colour: string | null
          created_at: string
          deposit_fen: number | null
          description: string | null
          energy: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on: string | null
          forced_off_reason: string | null
          gearbox: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at: string | null
          holiday_price_fen: number | null
          holiday_starts_at: string | null
          id: string
          kind: Database["public"]["Enums"]["listing_kind"]
          listed_at: string | null
          merchant_id: string
          mileage_km: number | null
          model_id: number | null
          photos: string[]
          price_fen: number
          reject_reason: string | null
          review_state: Database["public"]["Enums"]["listing_review_state"]
          search: string | null
          search_grams: string[] | null
          series_id: number
          shelf_state: Database["public"]["Enums"]["listing_shelf_state"]
          sold_at: string | null
          submitted_at: string | null
          title: string
          trade_state: Database["public"]["Enums"]["listing_trade_state"]
          updated_at: string
          vin: string | null
          year: number | null
        }
        SetofOptions: {
          from: "*"
          to: "listings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      listing_bulk_approve: {
        Args: { p_ids: string[]; p_note?: string }
        Returns: {
          error: string
          id: string
          ok: boolean
        }[]
      }
      listing_bulk_delist: {
        Args: { p_ids: string[]; p_note?: string; p_reason_code: string }
        Returns: {
          error: string
          id: string
          ok: boolean
        }[]
      }
      listing_force_off: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          approved_at: string | null
          brand_id: number
          city_code: string
          colour: string | null
          created_at: string
          deposit_fen: number | null
          description: string | null
          energy: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on: string | null
          forced_off_reason: string | null
          gearbox: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at: string | null
          holiday_price_fen: number | null
          holiday_starts_at: string | null
          id: string
          kind: Database["public"]["Enums"]["listing_kind"]
          listed_at: string | null
          merchant_id: string
          mileage_km: number | null
          model_id: number | null
          photos: string[]
          price_fen: number
          reject_reason: string | null
          review_state: Database["public"]["Enums"]["listing_review_state"]
          search: string | null
          search_grams: string[] | null
          series_id: number
          shelf_state: Database["public"]["Enums"]["listing_shelf_state"]
          sold_at: string | null
          submitted_at: string | null
          title: string
          trade_state: Database["public"]["Enums"]["listing_trade_state"]
          updated_at: string
          vin: string | null
          year: number | null
        }
        SetofOptions: {
          from: "*"
          to: "listings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      listing_import: {
        Args: { p_dry_run?: boolean; p_rows: Json }
        Returns: {
          errors: Json
          ok: boolean
          row_no: number
        }[]
      }
      listing_reject: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          approved_at: string | null
          brand_id: number
          city_code: string
          colour: string | null
          created_at: string
          deposit_fen: number | null
          description: string | null
          energy: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on: string | null
          forced_off_reason: string | null
          gearbox: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at: string | null
          holiday_price_fen: number | null
          holiday_starts_at: string | null
          id: string
          kind: Database["public"]["Enums"]["listing_kind"]
          listed_at: string | null
          merchant_id: string
          mileage_km: number | null
          model_id: number | null
          photos: string[]
          price_fen: number
          reject_reason: string | null
          review_state: Database["public"]["Enums"]["listing_review_state"]
          search: string | null
          search_grams: string[] | null
          series_id: number
          shelf_state: Database["public"]["Enums"]["listing_shelf_state"]
          sold_at: string | null
          submitted_at: string | null
          title: string
          trade_state: Database["public"]["Enums"]["listing_trade_state"]
          updated_at: string
          vin: string | null
          year: number | null
        }
        SetofOptions: {
          from: "*"
          to: "listings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      listing_set_trade_state: {
        Args: {
          p_id: string
          p_note?: string
          p_reason_code?: string
          p_to: Database["public"]["Enums"]["listing_trade_state"]
        }
        Returns: {
          approved_at: string | null
          brand_id: number
          city_code: string
          colour: string | null
          created_at: string
          deposit_fen: number | null
          description: string | null
          energy: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on: string | null
          forced_off_reason: string | null
          gearbox: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at: string | null
          holiday_price_fen: number | null
          holiday_starts_at: string | null
          id: string
          kind: Database["public"]["Enums"]["listing_kind"]
          listed_at: string | null
          merchant_id: string
          mileage_km: number | null
          model_id: number | null
          photos: string[]
          price_fen: number
          reject_reason: string | null
          review_state: Database["public"]["Enums"]["listing_review_state"]
          search: string | null
          search_grams: string[] | null
          series_id: number
          shelf_state: Database["public"]["Enums"]["listing_shelf_state"]
          sold_at: string | null
          submitted_at: string | null
          title: string
          trade_state: Database["public"]["Enums"]["listing_trade_state"]
          updated_at: string
          vin: string | null
          year: number | null
        }
        SetofOptions: {
          from: "*"
          to: "listings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      listing_shelve: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          approved_at: string | null
          brand_id: number
          city_code: string
          colour: string | null
          created_at: string
          deposit_fen: number | null
          description: string | null
          energy: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on: string | null
          forced_off_reason: string | null
          gearbox: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at: string | null
          holiday_price_fen: number | null
          holiday_starts_at: string | null
          id: string
          kind: Database["public"]["Enums"]["listing_kind"]
          listed_at: string | null
          merchant_id: string
          mileage_km: number | null
          model_id: number | null
          photos: string[]
          price_fen: number
          reject_reason: string | null
          review_state: Database["public"]["Enums"]["listing_review_state"]
          search: string | null
          search_grams: string[] | null
          series_id: number
          shelf_state: Database["public"]["Enums"]["listing_shelf_state"]
          sold_at: string | null
          submitted_at: string | null
          title: string
          trade_state: Database["public"]["Enums"]["listing_trade_state"]
          updated_at: string
          vin: string | null
          year: number | null
        }
        SetofOptions: {
          from: "*"
          to: "listings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      listing_submit: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          approved_at: string | null
          brand_id: number
          city_code: string
          colour: string | null
          created_at: string
          deposit_fen: number | null
          description: string | null
          energy: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on: string | null
          forced_off_reason: string | null
          gearbox: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at: string | null
          holiday_price_fen: number | null
          holiday_starts_at: string | null
          id: string
          kind: Database["public"]["Enums"]["listing_kind"]
          listed_at: string | null
          merchant_id: string
          mileage_km: number | null
          model_id: number | null
          photos: string[]
          price_fen: number
          reject_reason: string | null
          review_state: Database["public"]["Enums"]["listing_review_state"]
          search: string | null
          search_grams: string[] | null
          series_id: number
          shelf_state: Database["public"]["Enums"]["listing_shelf_state"]
          sold_at: string | null
          submitted_at: string | null
          title: string
          trade_state: Database["public"]["Enums"]["listing_trade_state"]
          updated_at: string
          vin: string | null
          year: number | null
        }
        SetofOptions: {
          from: "*"
          to: "listings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      listing_unshelve: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          approved_at: string | null
          brand_id: number
          city_code: string
          colour: string | null
          created_at: string
          deposit_fen: number | null
          description: string | null
          energy: Database["public"]["Enums"]["energy_type"] | null
          first_registered_on: string | null
          forced_off_reason: string | null
          gearbox: Database["public"]["Enums"]["gearbox_type"] | null
          holiday_ends_at: string | null
          holiday_price_fen: number | null
          holiday_starts_at: string | null
          id: string
          kind: Database["public"]["Enums"]["listing_kind"]
          listed_at: string | null
          merchant_id: string
          mileage_km: number | null
          model_id: number | null
          photos: string[]
          price_fen: number
          reject_reason: string | null
          review_state: Database["public"]["Enums"]["listing_review_state"]
          search: string | null
          search_grams: string[] | null
          series_id: number
          shelf_state: Database["public"]["Enums"]["listing_shelf_state"]
          sold_at: string | null
          submitted_at: string | null
          title: string
          trade_state: Database["public"]["Enums"]["listing_trade_state"]
          updated_at: string
          vin: string | null
          year: number | null
        }
        SetofOptions: {
          from: "*"
          to: "listings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      member_adjust_points: {
        Args: { p_delta: number; p_id: string; p_reason: string }
        Returns: {
          avatar_url: string | null
          banned_at: string | null
          city_code: string | null
          city_name: string | null
          depth: number | null
          direct_downline_count: number | null
          has_promotion_rights: boolean | null
          id: string | null
          id_number: string | null
          initials_key: string | null
          level: Database["public"]["Enums"]["member_level"] | null
          name_key: string | null
          new_purchase_reservation_count: number | null
          nickname: string | null
          nickname_initials: string | null
          nickname_pinyin: string | null
          path: string | null
          phone: string | null
          phone_tail: string | null
          pinyin_key: string | null
          points: number | null
          promotion_rights_at: string | null
          province_code: string | null
          real_name: string | null
          registered_at: string | null
          rental_reservation_count: number | null
          search: string | null
          search_grams: string[] | null
          seq: number | null
          status: Database["public"]["Enums"]["member_status"] | null
          status_reason: string | null
          updated_at: string | null
          upline_id: string | null
          upline_nickname: string | null
          used_purchase_reservation_count: number | null
        }
        SetofOptions: {
          from: "*"
          to: "v_members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      member_ban: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          avatar_url: string | null
          banned_at: string | null
          city_code: string | null
          city_name: string | null
          depth: number | null
          direct_downline_count: number | null
          has_promotion_rights: boolean | null
          id: string | null
          id_number: string | null
          initials_key: string | null
          level: Database["public"]["Enums"]["member_level"] | null
          name_key: string | null
          new_purchase_reservation_count: number | null
          nickname: string | null
          nickname_initials: string | null
          nickname_pinyin: string | null
          path: string | null
          phone: string | null
          phone_tail: string | null
          pinyin_key: string | null
          points: number | null
          promotion_rights_at: string | null
          province_code: string | null
          real_name: string | null
          registered_at: string | null
          rental_reservation_count: number | null
          search: string | null
          search_grams: string[] | null
          seq: number | null
          status: Database["public"]["Enums"]["member_status"] | null
          status_reason: string | null
          updated_at: string | null
          upline_id: string | null
          upline_nickname: string | null
          used_purchase_reservation_count: number | null
        }
        SetofOptions: {
          from: "*"
          to: "v_members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      member_downline: {
        Args: { p_max_depth?: number; p_member: string }
        Returns: {
          avatar_url: string | null
          banned_at: string | null
          city_code: string | null
          city_name: string | null
          depth: number | null
          direct_downline_count: number | null
          has_promotion_rights: boolean | null
          id: string | null
          id_number: string | null
          initials_key: string | null
          level: Database["public"]["Enums"]["member_level"] | null
          name_key: string | null
          new_purchase_reservation_count: number | null
          nickname: string | null
          nickname_initials: string | null
          nickname_pinyin: string | null
          path: string | null
          phone: string | null
          phone_tail: string | null
          pinyin_key: string | null
          points: number | null
          promotion_rights_at: string | null
          province_code: string | null
          real_name: string | null
          registered_at: string | null
          rental_reservation_count: number | null
          search: string | null
          search_grams: string[] | null
          seq: number | null
          status: Database["public"]["Enums"]["member_status"] | null
          status_reason: string | null
          updated_at: string | null
          upline_id: string | null
          upline_nickname: string | null
          used_purchase_reservation_count: number | null
        }[]
        SetofOptions: {
          from: "*"
          to: "v_members"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      member_downline_levels: {
        Args: { p_max_depth?: number; p_member: string }
        Returns: {
          level: number
          member_count: number
        }[]
      }
      member_reveal_pii: {
        Args: { p_field: string; p_id: string; p_reason: string }
        Returns: string
      }
      member_set_level: {
        Args: {
          p_id: string
          p_level: Database["public"]["Enums"]["member_level"]
          p_reason: string
        }
        Returns: {
          avatar_url: string | null
          banned_at: string | null
          city_code: string | null
          city_name: string | null
          depth: number | null
          direct_downline_count: number | null
          has_promotion_rights: boolean | null
          id: string | null
          id_number: string | null
          initials_key: string | null
          level: Database["public"]["Enums"]["member_level"] | null
          name_key: string | null
          new_purchase_reservation_count: number | null
          nickname: string | null
          nickname_initials: string | null
          nickname_pinyin: string | null
          path: string | null
          phone: string | null
          phone_tail: string | null
          pinyin_key: string | null
          points: number | null
          promotion_rights_at: string | null
          province_code: string | null
          real_name: string | null
          registered_at: string | null
          rental_reservation_count: number | null
          search: string | null
          search_grams: string[] | null
          seq: number | null
          status: Database["public"]["Enums"]["member_status"] | null
          status_reason: string | null
          updated_at: string | null
          upline_id: string | null
          upline_nickname: string | null
          used_purchase_reservation_count: number | null
        }
        SetofOptions: {
          from: "*"
          to: "v_members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      member_set_promotion_rights: {
        Args: { p_enabled: boolean; p_id: string; p_reason: string }
        Returns: {
          avatar_url: string | null
          banned_at: string | null
          city_code: string | null
          city_name: string | null
          depth: number | null
          direct_downline_count: number | null
          has_promotion_rights: boolean | null
          id: string | null
          id_number: string | null
          initials_key: string | null
          level: Database["public"]["Enums"]["member_level"] | null
          name_key: string | null
          new_purchase_reservation_count: number | null
          nickname: string | null
          nickname_initials: string | null
          nickname_pinyin: string | null
          path: string | null
          phone: string | null
          phone_tail: string | null
          pinyin_key: string | null
          points: number | null
          promotion_rights_at: string | null
          province_code: string | null
          real_name: string | null
          registered_at: string | null
          rental_reservation_count: number | null
          search: string | null
          search_grams: string[] | null
          seq: number | null
          status: Database["public"]["Enums"]["member_status"] | null
          status_reason: string | null
          updated_at: string | null
          upline_id: string | null
          upline_nickname: string | null
          used_purchase_reservation_count: number | null
        }
        SetofOptions: {
          from: "*"
          to: "v_members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      member_unban: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          avatar_url: string | null
          banned_at: string | null
          city_code: string | null
          city_name: string | null
          depth: number | null
          direct_downline_count: number | null
          has_promotion_rights: boolean | null
          id: string | null
          id_number: string | null
          initials_key: string | null
          level: Database["public"]["Enums"]["member_level"] | null
          name_key: string | null
          new_purchase_reservation_count: number | null
          nickname: string | null
          nickname_initials: string | null
          nickname_pinyin: string | null
          path: string | null
          phone: string | null
          phone_tail: string | null
          pinyin_key: string | null
          points: number | null
          promotion_rights_at: string | null
          province_code: string | null
          real_name: string | null
          registered_at: string | null
          rental_reservation_count: number | null
          search: string | null
          search_grams: string[] | null
          seq: number | null
          status: Database["public"]["Enums"]["member_status"] | null
          status_reason: string | null
          updated_at: string | null
          upline_id: string | null
          upline_nickname: string | null
          used_purchase_reservation_count: number | null
        }
        SetofOptions: {
          from: "*"
          to: "v_members"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      member_upline_chain: {
        Args: { p_member: string }
        Returns: {
          avatar_url: string | null
          banned_at: string | null
          city_code: string | null
          city_name: string | null
          depth: number | null
          direct_downline_count: number | null
          has_promotion_rights: boolean | null
          id: string | null
          id_number: string | null
          initials_key: string | null
          level: Database["public"]["Enums"]["member_level"] | null
          name_key: string | null
          new_purchase_reservation_count: number | null
          nickname: string | null
          nickname_initials: string | null
          nickname_pinyin: string | null
          path: string | null
          phone: string | null
          phone_tail: string | null
          pinyin_key: string | null
          points: number | null
          promotion_rights_at: string | null
          province_code: string | null
          real_name: string | null
          registered_at: string | null
          rental_reservation_count: number | null
          search: string | null
          search_grams: string[] | null
          seq: number | null
          status: Database["public"]["Enums"]["member_status"] | null
          status_reason: string | null
          updated_at: string | null
          upline_id: string | null
          upline_nickname: string | null
          used_purchase_reservation_count: number | null
        }[]
        SetofOptions: {
          from: "*"
          to: "v_members"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      merchant_activate: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          activated_at: string | null
          address: string | null
          application_id: string | null
          approved_at: string | null
          category_id: number
          city_code: string
          closed_at: string | null
          commission_rate_override: number | null
          contact_name: string | null
          contact_phone: string | null
          contact_phone_masked: string | null
          created_at: string
          deposit_fen: number
          description: string | null
          fee_paid_until: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          level: number
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          name: string
          name_initials: string | null
          name_pinyin: string | null
          rank_in_city: number | null
          rank_score: number
          rating: number | null
          search: string | null
          search_grams: string[] | null
          status: Database["public"]["Enums"]["merchant_status"]
          status_changed_at: string
          status_reason: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "merchants"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_application_approve: {
        Args: {
          p_category_id?: number
          p_fee_plan: Database["public"]["Enums"]["fee_plan"]
          p_id: string
          p_note?: string
        }
        Returns: {
          address: string
          category_id: number | null
          city_code: string
          claimed_at: string | null
          company_name: string
          company_name_initials: string | null
          company_name_pinyin: string | null
          contact_name: string
          contact_phone: string
          contact_phone_masked: string | null
          created_at: string
          decided_at: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          field_comments: Json | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          merchant_id: string | null
          reject_reason: string | null
          reviewer_id: string | null
          search: string | null
          search_grams: string[] | null
          state: Database["public"]["Enums"]["merchant_application_state"]
          submitted_at: string | null
          updated_at: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "merchant_applications"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_application_claim: {
        Args: { p_id: string }
        Returns: {
          address: string
          category_id: number | null
          city_code: string
          claimed_at: string | null
          company_name: string
          company_name_initials: string | null
          company_name_pinyin: string | null
          contact_name: string
          contact_phone: string
          contact_phone_masked: string | null
          created_at: string
          decided_at: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          field_comments: Json | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          merchant_id: string | null
          reject_reason: string | null
          reviewer_id: string | null
          search: string | null
          search_grams: string[] | null
          state: Database["public"]["Enums"]["merchant_application_state"]
          submitted_at: string | null
          updated_at: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "merchant_applications"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_application_reject: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          address: string
          category_id: number | null
          city_code: string
          claimed_at: string | null
          company_name: string
          company_name_initials: string | null
          company_name_pinyin: string | null
          contact_name: string
          contact_phone: string
          contact_phone_masked: string | null
          created_at: string
          decided_at: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          field_comments: Json | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          merchant_id: string | null
          reject_reason: string | null
          reviewer_id: string | null
          search: string | null
          search_grams: string[] | null
          state: Database["public"]["Enums"]["merchant_application_state"]
          submitted_at: string | null
          updated_at: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "merchant_applications"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_application_request_info: {
        Args: { p_field_comments: Json; p_id: string; p_note?: string }
        Returns: {
          address: string
          category_id: number | null
          city_code: string
          claimed_at: string | null
          company_name: string
          company_name_initials: string | null
          company_name_pinyin: string | null
          contact_name: string
          contact_phone: string
          contact_phone_masked: string | null
          created_at: string
          decided_at: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          field_comments: Json | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          merchant_id: string | null
          reject_reason: string | null
          reviewer_id: string | null
          search: string | null
          search_grams: string[] | null
          state: Database["public"]["Enums"]["merchant_application_state"]
          submitted_at: string | null
          updated_at: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "merchant_applications"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_application_submit: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          address: string
          category_id: number | null
          city_code: string
          claimed_at: string | null
          company_name: string
          company_name_initials: string | null
          company_name_pinyin: string | null
          contact_name: string
          contact_phone: string
          contact_phone_masked: string | null
          created_at: string
          decided_at: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          field_comments: Json | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          merchant_id: string | null
          reject_reason: string | null
          reviewer_id: string | null
          search: string | null
          search_grams: string[] | null
          state: Database["public"]["Enums"]["merchant_application_state"]
          submitted_at: string | null
          updated_at: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "merchant_applications"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_category_update: {
        Args: { p_changes: Json; p_id: number; p_reason: string }
        Returns: {
          active: boolean
          code: string
          commission_rate: number
          created_at: string
          deposit_required_fen: number
          distributor_rate: number
          id: number
          name: string
        }
        SetofOptions: {
          from: "*"
          to: "merchant_categories"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_close: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          activated_at: string | null
          address: string | null
          application_id: string | null
          approved_at: string | null
          category_id: number
          city_code: string
          closed_at: string | null
          commission_rate_override: number | null
          contact_name: string | null
          contact_phone: string | null
          contact_phone_masked: string | null
          created_at: string
          deposit_fen: number
          description: string | null
          fee_paid_until: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          level: number
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          name: string
          name_initials: string | null
          name_pinyin: string | null
          rank_in_city: number | null
          rank_score: number
          rating: number | null
          search: string | null
          search_grams: string[] | null
          status: Database["public"]["Enums"]["merchant_status"]
          status_changed_at: string
          status_reason: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "merchants"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_penalty_revoke: {
        Args: { p_id: string; p_reason: string }
        Returns: {
          complaint_id: string | null
          created_at: string
          created_by: string | null
          expires_at: string
          id: string
          merchant_id: string
          reason: string
          revoke_reason: string | null
          revoked_at: string | null
          revoked_by: string | null
          size: number
          starts_at: string
        }
        SetofOptions: {
          from: "*"
          to: "merchant_penalties"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_ranking_breakdown: {
        Args: { p_merchant: string }
        Returns: Json
      }
      merchant_resume: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          activated_at: string | null
          address: string | null
          application_id: string | null
          approved_at: string | null
          category_id: number
          city_code: string
          closed_at: string | null
          commission_rate_override: number | null
          contact_name: string | null
          contact_phone: string | null
          contact_phone_masked: string | null
          created_at: string
          deposit_fen: number
          description: string | null
          fee_paid_until: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          level: number
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          name: string
          name_initials: string | null
          name_pinyin: string | null
          rank_in_city: number | null
          rank_score: number
          rating: number | null
          search: string | null
          search_grams: string[] | null
          status: Database["public"]["Enums"]["merchant_status"]
          status_changed_at: string
          status_reason: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "merchants"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_set_commission: {
        Args: {
          p_category_id: number
          p_id: string
          p_rate_override: number
          p_reason: string
        }
        Returns: {
          activated_at: string | null
          address: string | null
          application_id: string | null
          approved_at: string | null
          category_id: number
          city_code: string
          closed_at: string | null
          commission_rate_override: number | null
          contact_name: string | null
          contact_phone: string | null
          contact_phone_masked: string | null
          created_at: string
          deposit_fen: number
          description: string | null
          fee_paid_until: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          level: number
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          name: string
          name_initials: string | null
          name_pinyin: string | null
          rank_in_city: number | null
          rank_score: number
          rating: number | null
          search: string | null
          search_grams: string[] | null
          status: Database["public"]["Enums"]["merchant_status"]
          status_changed_at: string
          status_reason: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "merchants"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_start_closing: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          activated_at: string | null
          address: string | null
          application_id: string | null
          approved_at: string | null
          category_id: number
          city_code: string
          closed_at: string | null
          commission_rate_override: number | null
          contact_name: string | null
          contact_phone: string | null
          contact_phone_masked: string | null
          created_at: string
          deposit_fen: number
          description: string | null
          fee_paid_until: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          level: number
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          name: string
          name_initials: string | null
          name_pinyin: string | null
          rank_in_city: number | null
          rank_score: number
          rating: number | null
          search: string | null
          search_grams: string[] | null
          status: Database["public"]["Enums"]["merchant_status"]
          status_changed_at: string
          status_reason: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "merchants"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_suspend: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          activated_at: string | null
          address: string | null
          application_id: string | null
          approved_at: string | null
          category_id: number
          city_code: string
          closed_at: string | null
          commission_rate_override: number | null
          contact_name: string | null
          contact_phone: string | null
          contact_phone_masked: string | null
          created_at: string
          deposit_fen: number
          description: string | null
          fee_paid_until: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          level: number
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          name: string
          name_initials: string | null
          name_pinyin: string | null
          rank_in_city: number | null
          rank_score: number
          rating: number | null
          search: string | null
          search_grams: string[] | null
          status: Database["public"]["Enums"]["merchant_status"]
          status_changed_at: string
          status_reason: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "merchants"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      merchant_sweep_fees: {
        Args: { p_city?: string; p_limit?: number }
        Returns: Json
      }
      merchant_update_profile: {
        Args: { p_changes: Json; p_id: string; p_reason?: string }
        Returns: {
          activated_at: string | null
          address: string | null
          application_id: string | null
          approved_at: string | null
          category_id: number
          city_code: string
          closed_at: string | null
          commission_rate_override: number | null
          contact_name: string | null
          contact_phone: string | null
          contact_phone_masked: string | null
          created_at: string
          deposit_fen: number
          description: string | null
          fee_paid_until: string | null
          fee_plan: Database["public"]["Enums"]["fee_plan"] | null
          id: string
          kind: Database["public"]["Enums"]["merchant_kind"]
          lat: number | null
          legal_person_id_number: string | null
          legal_person_name: string | null
          level: number
          licence_image_url: string | null
          licence_no: string | null
          lng: number | null
          name: string
          name_initials: string | null
          name_pinyin: string | null
          rank_in_city: number | null
          rank_score: number
          rating: number | null
          search: string | null
          search_grams: string[] | null
          status: Database["public"]["Enums"]["merchant_status"]
          status_changed_at: string
          status_reason: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "merchants"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      money_settings_update: {
        Args: { p_changes: Json; p_reason?: string }
        Returns: {
          id: boolean
          refund_window_days: number
          second_tier_enabled: boolean
          second_tier_rate: number
          updated_at: string
          updated_by: string | null
          withdrawal_fee_min_fen: number
          withdrawal_fee_rate: number
          withdrawal_min_fen: number
          withdrawal_second_approval_fen: number
        }
        SetofOptions: {
          from: "*"
          to: "money_settings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      my_staff: {
        Args: Record<PropertyKey, never>
        Returns: {
          active: boolean
          created_at: string
          display_name: string
          email: string
          id: string
          phone: string | null
          region_codes: string[]
          role: Database["public"]["Enums"]["staff_role"]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "staff"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      payment_confirm: {
        Args: {
          p_channel_txn_id: string
          p_paid_at?: string
          p_payment_id: string
        }
        Returns: {
          amount_fen: number
          channel: Database["public"]["Enums"]["payment_channel"]
          channel_txn_id: string | null
          city_code: string | null
          covers_from: string | null
          covers_to: string | null
          created_at: string
          fail_reason: string | null
          failed_at: string | null
          id: string
          journal_id: number | null
          kind: Database["public"]["Enums"]["payment_kind"]
          member_id: string | null
          merchant_id: string | null
          note: string | null
          paid_at: string | null
          payer_type: Database["public"]["Enums"]["money_owner_type"]
          payment_no: string
          plan: Database["public"]["Enums"]["fee_plan"] | null
          refund_journal_id: number | null
          refund_reason: string | null
          refund_request_reason: string | null
          refund_requested_at: string | null
          refund_requested_by: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
        }
        SetofOptions: {
          from: "*"
          to: "payments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      payment_create: {
        Args: {
          p_amount_fen: number
          p_channel: Database["public"]["Enums"]["payment_channel"]
          p_kind: Database["public"]["Enums"]["payment_kind"]
          p_note?: string
          p_payer_id: string
          p_payer_type: Database["public"]["Enums"]["money_owner_type"]
          p_payment_no: string
          p_plan?: Database["public"]["Enums"]["fee_plan"]
        }
        Returns: {
          amount_fen: number
          channel: Database["public"]["Enums"]["payment_channel"]
          channel_txn_id: string | null
          city_code: string | null
          covers_from: string | null
          covers_to: string | null
          created_at: string
          fail_reason: string | null
          failed_at: string | null
          id: string
          journal_id: number | null
          kind: Database["public"]["Enums"]["payment_kind"]
          member_id: string | null
          merchant_id: string | null
          note: string | null
          paid_at: string | null
          payer_type: Database["public"]["Enums"]["money_owner_type"]
          payment_no: string
          plan: Database["public"]["Enums"]["fee_plan"] | null
          refund_journal_id: number | null
          refund_reason: string | null
          refund_request_reason: string | null
          refund_requested_at: string | null
          refund_requested_by: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
        }
        SetofOptions: {
          from: "*"
          to: "payments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      payment_fail: {
        Args: { p_payment_id: string; p_reason: string }
        Returns: {
          amount_fen: number
          channel: Database["public"]["Enums"]["payment_channel"]
          channel_txn_id: string | null
          city_code: string | null
          covers_from: string | null
          covers_to: string | null
          created_at: string
          fail_reason: string | null
          failed_at: string | null
          id: string
          journal_id: number | null
          kind: Database["public"]["Enums"]["payment_kind"]
          member_id: string | null
          merchant_id: string | null
          note: string | null
          paid_at: string | null
          payer_type: Database["public"]["Enums"]["money_owner_type"]
          payment_no: string
          plan: Database["public"]["Enums"]["fee_plan"] | null
          refund_journal_id: number | null
          refund_reason: string | null
          refund_request_reason: string | null
          refund_requested_at: string | null
          refund_requested_by: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
        }
        SetofOptions: {
          from: "*"
          to: "payments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      payment_reconciliation: {
        Args: {
          p_channel?: Database["public"]["Enums"]["payment_channel"]
          p_from?: string
          p_only_problems?: boolean
          p_to?: string
        }
        Returns: {
          channel: Database["public"]["Enums"]["payment_channel"] | null
          channel_txn_id: string | null
          city_code: string | null
          diff_fen: number | null
          occurred_at: string | null
          payment_amount_fen: number | null
          payment_id: string | null
          payment_kind: Database["public"]["Enums"]["payment_kind"] | null
          payment_no: string | null
          payment_status: Database["public"]["Enums"]["payment_status"] | null
          result: string | null
          statement_amount_fen: number | null
          statement_id: number | null
          statement_ref: string | null
        }[]
        SetofOptions: {
          from: "*"
          to: "v_payment_reconciliation"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      payment_refund: {
        Args: { p_payment_id: string; p_reason: string }
        Returns: {
          amount_fen: number
          channel: Database["public"]["Enums"]["payment_channel"]
          channel_txn_id: string | null
          city_code: string | null
          covers_from: string | null
          covers_to: string | null
          created_at: string
          fail_reason: string | null
          failed_at: string | null
          id: string
          journal_id: number | null
          kind: Database["public"]["Enums"]["payment_kind"]
          member_id: string | null
          merchant_id: string | null
          note: string | null
          paid_at: string | null
          payer_type: Database["public"]["Enums"]["money_owner_type"]
          payment_no: string
          plan: Database["public"]["Enums"]["fee_plan"] | null
          refund_journal_id: number | null
          refund_reason: string | null
          refund_request_reason: string | null
          refund_requested_at: string | null
          refund_requested_by: string | null
          refunded_at: string | null
          refunded_by: string | null
          status: Database["public"]["Enums"]["payment_status"]
        }
        SetofOptions: {
          from: "*"
          to: "payments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      payment_totals: {
        Args: {
          p_channel?: Database["public"]["Enums"]["payment_channel"]
          p_from?: string
          p_kind?: Database["public"]["Enums"]["payment_kind"]
          p_payer_id?: string
          p_payer_type?: Database["public"]["Enums"]["money_owner_type"]
          p_search?: string
          p_status?: Database["public"]["Enums"]["payment_status"]
          p_to?: string
        }
        Returns: {
          amount_fen: number
          count: number
          refunded_fen: number
          succeeded_fen: number
        }[]
      }
      promotion_cancel: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          created_at: string
          created_by: string | null
          end_reason: string | null
          ended_at: string | null
          ends_at: string
          id: string
          listing_id: string
          merchant_id: string
          model_id: number
          region_code: string
          slot_no: number
          starts_at: string
          state: Database["public"]["Enums"]["promotion_state"]
        }
        SetofOptions: {
          from: "*"
          to: "promotions"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      promotion_create: {
        Args: { p_ends_at: string; p_listing_id: string; p_starts_at?: string }
        Returns: {
          created_at: string
          created_by: string | null
          end_reason: string | null
          ended_at: string | null
          ends_at: string
          id: string
          listing_id: string
          merchant_id: string
          model_id: number
          region_code: string
          slot_no: number
          starts_at: string
          state: Database["public"]["Enums"]["promotion_state"]
        }
        SetofOptions: {
          from: "*"
          to: "promotions"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      promotion_expire_due: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      public_merchant_contact: {
        Args: { p_member?: string; p_merchant: string }
        Returns: Json
      }
      rank_merchants: { Args: { p_trigger?: string }; Returns: Json }
      ranking_rule_publish: {
        Args: { p_reason: string; p_rule: Json }
        Returns: {
          active: boolean
          cap_complaints: number
          cap_product_updates: number
          cap_reservations: number
          created_at: string
          created_by: string | null
          id: number
          level_thresholds: number[]
          name: string
          note: string | null
          reason: string | null
          version: number
          w_complaints: number
          w_penalties: number
          w_product_updates: number
          w_rating: number
          w_reservations: number
          w_success_rate: number
          w_update_frequency: number
          window_days: number
        }
        SetofOptions: {
          from: "*"
          to: "ranking_rules"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      release_due_commissions: {
        Args: { p_limit?: number; p_now?: string }
        Returns: number
      }
      reservation_run_timers: {
        Args: { p_city?: string; p_limit?: number }
        Returns: Json
      }
      reservation_transition: {
        Args: {
          p_checkin_code?: string
          p_deal_amount_fen?: number
          p_evidence?: string[]
          p_id: string
          p_note?: string
          p_reason_code?: string
          p_to: Database["public"]["Enums"]["reservation_state"]
        }
        Returns: {
          checkin_code: string | null
          city_code: string
          confirm_deadline: string
          confirmed_at: string | null
          created_at: string
          deal_amount_fen: number | null
          deal_closed_at: string | null
          deal_evidence: string[] | null
          distributor_id: string | null
          id: string
          kind: Database["public"]["Enums"]["reservation_kind"]
          listing_id: string
          member_id: string
          merchant_id: string
          model_id: number | null
          price_fen: number
          rental_end: string | null
          rental_start: string | null
          reserved_for: string
          share_id: string | null
          state: Database["public"]["Enums"]["reservation_state"]
          state_changed_at: string
          state_reason: string | null
          touched_at: string | null
          visited_at: string | null
        }
        SetofOptions: {
          from: "*"
          to: "reservations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      reservation_verify_deal: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          checkin_code: string | null
          city_code: string
          confirm_deadline: string
          confirmed_at: string | null
          created_at: string
          deal_amount_fen: number | null
          deal_closed_at: string | null
          deal_evidence: string[] | null
          distributor_id: string | null
          id: string
          kind: Database["public"]["Enums"]["reservation_kind"]
          listing_id: string
          member_id: string
          merchant_id: string
          model_id: number | null
          price_fen: number
          rental_end: string | null
          rental_start: string | null
          reserved_for: string
          share_id: string | null
          state: Database["public"]["Enums"]["reservation_state"]
          state_changed_at: string
          state_reason: string | null
          touched_at: string | null
          visited_at: string | null
        }
        SetofOptions: {
          from: "*"
          to: "reservations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      reservation_void: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          checkin_code: string | null
          city_code: string
          confirm_deadline: string
          confirmed_at: string | null
          created_at: string
          deal_amount_fen: number | null
          deal_closed_at: string | null
          deal_evidence: string[] | null
          distributor_id: string | null
          id: string
          kind: Database["public"]["Enums"]["reservation_kind"]
          listing_id: string
          member_id: string
          merchant_id: string
          model_id: number | null
          price_fen: number
          rental_end: string | null
          rental_start: string | null
          reserved_for: string
          share_id: string | null
          state: Database["public"]["Enums"]["reservation_state"]
          state_changed_at: string
          state_reason: string | null
          touched_at: string | null
          visited_at: string | null
        }
        SetofOptions: {
          from: "*"
          to: "reservations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      settings_overview: { Args: Record<PropertyKey, never>; Returns: Json }
      settle_period: { Args: { p_from: string; p_to: string }; Returns: Json }
      settlement_due_days: { Args: { p_limit?: number }; Returns: string[] }
      staff_record_password_reset: {
        Args: { p_id: string }
        Returns: undefined
      }
      staff_register: {
        Args: {
          p_display_name: string
          p_phone?: string
          p_region_codes?: string[]
          p_role: Database["public"]["Enums"]["staff_role"]
          p_user_id: string
        }
        Returns: {
          active: boolean
          created_at: string
          display_name: string
          email: string
          id: string
          phone: string | null
          region_codes: string[]
          role: Database["public"]["Enums"]["staff_role"]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "staff"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      staff_set_active: {
        Args: { p_active: boolean; p_id: string; p_reason: string }
        Returns: {
          active: boolean
          created_at: string
          display_name: string
          email: string
          id: string
          phone: string | null
          region_codes: string[]
          role: Database["public"]["Enums"]["staff_role"]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "staff"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      staff_update: {
        Args: {
          p_display_name?: string
          p_id: string
          p_phone?: string
          p_reason?: string
          p_region_codes?: string[]
          p_role?: Database["public"]["Enums"]["staff_role"]
        }
        Returns: {
          active: boolean
          created_at: string
          display_name: string
          email: string
          id: string
          phone: string | null
          region_codes: string[]
          role: Database["public"]["Enums"]["staff_role"]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "staff"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      storage_read_audit: {
        Args: {
          p_bucket: string
          p_expires_in?: number
          p_name: string
          p_via?: string
        }
        Returns: undefined
      }
      trade_refund: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          amount_fen: number
          brand_id: number | null
          city_code: string
          closed_at: string
          created_at: string
          distributor_id: string | null
          id: string
          kind: Database["public"]["Enums"]["trade_kind"]
          listing_id: string
          member_id: string
          merchant_id: string
          model_id: number | null
          quantity: number
          refund_request_reason: string | null
          refund_requested_at: string | null
          refund_requested_by: string | null
          refunded_at: string | null
          reservation_id: string
          status: Database["public"]["Enums"]["trade_status"]
          status_reason: string | null
          voided_at: string | null
        }
        SetofOptions: {
          from: "*"
          to: "trades"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      trade_totals: {
        Args: { filters?: Json }
        Returns: {
          avg_fen: number
          closed_count: number
          gmv_fen: number
          refunded_fen: number
          trade_count: number
        }[]
      }
      withdrawal_apply: {
        Args: {
          p_amount_fen: number
          p_bank_account_id: string
          p_owner_id: string
          p_owner_type: Database["public"]["Enums"]["money_owner_type"]
          p_withdrawal_no: string
        }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      withdrawal_approve: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      withdrawal_approve_second: {
        Args: { p_id: string; p_note?: string }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      withdrawal_cancel: {
        Args: { p_id: string; p_reason?: string }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      withdrawal_claim: {
        Args: { p_id: string }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      withdrawal_manual_paid: {
        Args: { p_id: string; p_proof_url: string; p_reference: string }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      withdrawal_mark_failed: {
        Args: { p_id: string; p_reason: string }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      withdrawal_mark_paid: {
        Args: { p_channel_txn_id: string; p_id: string }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      withdrawal_reject: {
        Args: { p_id: string; p_note?: string; p_reason_code: string }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      withdrawal_report: {
        Args: { p_from: string; p_to: string }
        Returns: {
          applied_count: number | null
          applied_fen: number | null
          approved_count: number | null
          approved_fen: number | null
          day: string | null
          diff_fen: number | null
          failed_count: number | null
          ledger_paid_net_fen: number | null
          paid_count: number | null
          paid_fen: number | null
          paid_net_fen: number | null
          rejected_count: number | null
          rejected_fen: number | null
          returned_count: number | null
        }[]
        SetofOptions: {
          from: "*"
          to: "v_withdrawal_daily"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      withdrawal_return_funds: {
        Args: { p_id: string; p_reason: string }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      withdrawal_set_recon: {
        Args: {
          p_id: string
          p_note?: string
          p_status: Database["public"]["Enums"]["withdrawal_recon_status"]
        }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      withdrawal_start_payout: {
        Args: {
          p_channel?: Database["public"]["Enums"]["payment_channel"]
          p_id: string
        }
        Returns: {
          amount_fen: number
          applied_at: string
          applied_by: string | null
          approved_at: string | null
          approved_by: string | null
          bank_account_id: string
          cancelled_at: string | null
          channel_txn_id: string | null
          city_code: string | null
          claimed_at: string | null
          claimed_by: string | null
          fail_reason: string | null
          failed_at: string | null
          fee_fen: number
          id: string
          manual_proof_url: string | null
          needs_second_approval: boolean
          net_fen: number
          owner_id: string
          owner_type: Database["public"]["Enums"]["money_owner_type"]
          paid_at: string | null
          paid_by: string | null
          payee_account_enc: string
          payee_account_last4: string
          payee_bank: string
          payee_name: string
          paying_at: string | null
          payout_attempts: number
          payout_channel: Database["public"]["Enums"]["payment_channel"] | null
          recon_status: Database["public"]["Enums"]["withdrawal_recon_status"]
          refunded_at: string | null
          reject_reason: string | null
          rejected_by: string | null
          second_approved_at: string | null
          second_approved_by: string | null
          state: Database["public"]["Enums"]["withdrawal_state"]
          updated_at: string
          withdrawal_no: string
        }
        SetofOptions: {
          from: "*"
          to: "withdrawals"
          isOneToOne: true
          isSetofReturn: false
        }
      }
    }
    Enums: {
      commission_status: "frozen" | "available" | "cancelled" | "clawed_back"
      complaint_category: "attitude" | "quality" | "price" | "fraud" | "other"
      complaint_message_kind: "reply" | "internal_note"
      complaint_outcome: "upheld" | "partly_upheld" | "not_upheld"
      complaint_severity: "low" | "medium" | "high"
      complaint_state:
        | "submitted"
        | "accepted"
        | "dismissed"
        | "awaiting_merchant"
        | "mediating"
        | "escalated"
        | "resolved"
        | "closed"
        | "withdrawn"
      energy_type:
        | "petrol"
        | "diesel"
        | "hybrid"
        | "phev"
        | "erev"
        | "ev"
        | "fcev"
      fee_plan: "monthly" | "quarterly" | "yearly"
      gearbox_type: "manual" | "automatic" | "dct" | "cvt" | "single_speed"
      ledger_account_kind:
        | "platform_clearing"
        | "platform_payout_clearing"
        | "platform_fee_deferred"
        | "platform_revenue"
        | "merchant_pending"
        | "merchant_available"
        | "merchant_locked"
        | "merchant_deposit"
        | "merchant_receivable"
        | "member_frozen"
        | "member_available"
        | "member_locked"
        | "member_receivable"
      listing_kind: "used_sale" | "new_sale" | "rental"
      listing_review_state: "draft" | "pending" | "approved" | "rejected"
      listing_shelf_state: "off" | "on" | "forced_off"
      listing_trade_state:
        | "available"
        | "on_hold"
        | "sold"
        | "rented_out"
        | "maintenance"
        | "retired"
      member_level: "regular" | "silver" | "gold" | "platinum" | "diamond"
      member_status: "active" | "banned"
      merchant_application_state:
        | "draft"
        | "submitted"
        | "in_review"
        | "need_more_info"
        | "rejected"
        | "approved"
      merchant_document_type:
        | "business_licence"
        | "road_transport_permit"
        | "dealer_authorisation"
        | "legal_person_id"
        | "shop_photo"
        | "other"
      merchant_kind:
        | "used_dealer"
        | "new_dealer_4s"
        | "rental"
        | "service"
        | "parts"
      merchant_status:
        | "approved"
        | "active"
        | "suspended"
        | "grace"
        | "lapsed"
        | "closing"
        | "closed"
      money_owner_type: "platform" | "merchant" | "member"
      payment_channel: "wechat" | "alipay" | "bank_transfer"
      payment_kind:
        | "platform_fee"
        | "deposit"
        | "promotion_rights"
        | "reservation_rights"
      payment_status: "pending" | "succeeded" | "failed" | "refunded"
      promotion_state: "active" | "ended" | "cancelled"
      reservation_kind: "rental" | "used_purchase" | "new_purchase"
      reservation_state:
        | "created"
        | "confirmed"
        | "auto_expired"
        | "cancelled_by_customer"
        | "cancelled_by_merchant"
        | "no_show"
        | "visited"
        | "no_deal"
        | "deal_pending"
        | "deal_closed"
        | "in_use"
        | "returned"
        | "settled"
        | "voided"
      share_channel: "wechat" | "moments" | "qr" | "link" | "other"
      staff_role:
        | "admin"
        | "reviewer"
        | "customer_service"
        | "finance"
        | "analyst"
      trade_kind: "sale" | "rental"
      trade_status: "closed" | "voided" | "refunded"
      withdrawal_recon_status: "unreconciled" | "matched" | "mismatch"
      withdrawal_state:
        | "applied"
        | "cancelled"
        | "in_review"
        | "rejected"
        | "approved"
        | "paying"
        | "paid"
        | "pay_failed"
        | "refunded"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      commission_status: ["frozen", "available", "cancelled", "clawed_back"],
      complaint_category: ["attitude", "quality", "price", "fraud", "other"],
      complaint_message_kind: ["reply", "internal_note"],
      complaint_outcome: ["upheld", "partly_upheld", "not_upheld"],
      complaint_severity: ["low", "medium", "high"],
      complaint_state: [
        "submitted",
        "accepted",
        "dismissed",
        "awaiting_merchant",
        "mediating",
        "escalated",
        "resolved",
        "closed",
        "withdrawn",
      ],
      energy_type: ["petrol", "diesel", "hybrid", "phev", "erev", "ev", "fcev"],
      fee_plan: ["monthly", "quarterly", "yearly"],
      gearbox_type: ["manual", "automatic", "dct", "cvt", "single_speed"],
      ledger_account_kind: [
        "platform_clearing",
        "platform_payout_clearing",
        "platform_fee_deferred",
        "platform_revenue",
        "merchant_pending",
        "merchant_available",
        "merchant_locked",
        "merchant_deposit",
        "merchant_receivable",
        "member_frozen",
        "member_available",
        "member_locked",
        "member_receivable",
      ],
      listing_kind: ["used_sale", "new_sale", "rental"],
      listing_review_state: ["draft", "pending", "approved", "rejected"],
      listing_shelf_state: ["off", "on", "forced_off"],
      listing_trade_state: [
        "available",
        "on_hold",
        "sold",
        "rented_out",
        "maintenance",
        "retired",
      ],
      member_level: ["regular", "silver", "gold", "platinum", "diamond"],
      member_status: ["active", "banned"],
      merchant_application_state: [
        "draft",
        "submitted",
        "in_review",
        "need_more_info",
        "rejected",
        "approved",
      ],
      merchant_document_type: [
        "business_licence",
        "road_transport_permit",
        "dealer_authorisation",
        "legal_person_id",
        "shop_photo",
        "other",
      ],
      merchant_kind: [
        "used_dealer",
        "new_dealer_4s",
        "rental",
        "service",
        "parts",
      ],
      merchant_status: [
        "approved",
        "active",
        "suspended",
        "grace",
        "lapsed",
        "closing",
        "closed",
      ],
      money_owner_type: ["platform", "merchant", "member"],
      payment_channel: ["wechat", "alipay", "bank_transfer"],
      payment_kind: [
        "platform_fee",
        "deposit",
        "promotion_rights",
        "reservation_rights",
      ],
      payment_status: ["pending", "succeeded", "failed", "refunded"],
      promotion_state: ["active", "ended", "cancelled"],
      reservation_kind: ["rental", "used_purchase", "new_purchase"],
      reservation_state: [
        "created",
        "confirmed",
        "auto_expired",
        "cancelled_by_customer",
        "cancelled_by_merchant",
        "no_show",
        "visited",
        "no_deal",
        "deal_pending",
        "deal_closed",
        "in_use",
        "returned",
        "settled",
        "voided",
      ],
      share_channel: ["wechat", "moments", "qr", "link", "other"],
      staff_role: [
        "admin",
        "reviewer",
        "customer_service",
        "finance",
        "analyst",
      ],
      trade_kind: ["sale", "rental"],
      trade_status: ["closed", "voided", "refunded"],
      withdrawal_recon_status: ["unreconciled", "matched", "mismatch"],
      withdrawal_state: [
        "applied",
        "cancelled",
        "in_review",
        "rejected",
        "approved",
        "paying",
        "paid",
        "pay_failed",
        "refunded",
      ],
    },
  },
} as const
